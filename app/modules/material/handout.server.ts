import { handoutPdf, type HandoutFacts } from "./handout-pdf.server";

// A material version's text never changes (a change is a new version), so its PDF is made once
// per version and title and kept for a while: a class of 40 opening the handout at once costs
// one rendering. A bounded number is kept (about 100 KB each).

const KEPT = 24;
const kept = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

export function handoutPdfOf(versionId: string, facts: HandoutFacts): Promise<Uint8Array<ArrayBuffer>> {
  const key = `${versionId}\u0000${facts.title}\u0000${facts.subtitle}`;
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const made = handoutPdf(facts).then((b) => new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) as Uint8Array<ArrayBuffer>);
  made.catch(() => kept.delete(key));
  kept.set(key, made);
  while (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return made;
}
