// Text clean-up for roster cells. Deliberately not NFKC: that would turn ① into 1 and ㈱ into
// (株), and people's names (髙, 﨑) must stay exactly as written.

const HALF_KANA =
  "｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
const FULL_KANA =
  "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
const DAKUTEN: Record<string, string> = {};
const HANDAKUTEN: Record<string, string> = {};
"カキクケコサシスセソタチツテトハヒフヘホウ".split("").forEach((c) => {
  DAKUTEN[c] = String.fromCharCode(c.charCodeAt(0) + (c === "ウ" ? 0x4e : 1));
});
"ハヒフヘホ".split("").forEach((c) => {
  HANDAKUTEN[c] = String.fromCharCode(c.charCodeAt(0) + 2);
});

/** Half-width katakana (ｶﾞ) to full-width (ガ), combining voiced marks. */
export function toFullWidthKana(value: string): string {
  let out = "";
  for (const ch of value) {
    const i = HALF_KANA.indexOf(ch);
    if (i >= 0) {
      out += FULL_KANA[i];
    } else if (ch === "ﾞ" && out.length > 0 && DAKUTEN[out.at(-1)!]) {
      out = out.slice(0, -1) + DAKUTEN[out.at(-1)!];
    } else if (ch === "ﾟ" && out.length > 0 && HANDAKUTEN[out.at(-1)!]) {
      out = out.slice(0, -1) + HANDAKUTEN[out.at(-1)!];
    } else if (ch === "ﾞ") {
      out += "゛";
    } else if (ch === "ﾟ") {
      out += "゜";
    } else {
      out += ch;
    }
  }
  return out;
}

/** Full-width ASCII (Ａ１＠．) to half-width, for codes and e-mail addresses. */
export function toHalfWidthAscii(value: string): string {
  return value.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/　/g, " ");
}

/** Trim ordinary and full-width spaces; collapse inner runs to one space. */
export function tidy(value: string): string {
  return value.replace(/^[\s　]+|[\s　]+$/g, "").replace(/[\s　]+/g, " ");
}

/** Cells that spreadsheet programs would run as formulas (CSV injection). */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value);
}
