import { Transform } from "node:stream";

/**
 * A pass-through that removes every 0x00 byte. React 18.3's streaming renderer writes a whole
 * 2 KB buffer when the next multi-byte character does not fit at its end, so the unused tail of
 * that (zero-filled) buffer reaches the page as NUL bytes (react#24985, react#26228). In UTF-8 a
 * 0x00 byte is only ever U+0000, which has no place in HTML (and names and titles are stored
 * without control characters), so dropping them restores exactly what React meant to write.
 */
export function dropNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length);
      let at = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (byte !== 0) out[at++] = byte;
      }
      callback(null, out.subarray(0, at));
    },
  });
}
