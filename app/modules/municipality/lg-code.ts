// 全国地方公共団体コード (local government code): 2-digit prefecture + 3 digits + check digit.
// Statistics often drop the check digit, and people type full-width digits, so the
// helper accepts both and explains what is wrong in an i18n key with parameters.

export type LgCodeProblem =
  | { key: "lgCode.empty" }
  | { key: "lgCode.notDigits" }
  | { key: "lgCode.wrongLength"; length: number }
  | { key: "lgCode.badPrefecture"; prefecture: string }
  | { key: "lgCode.badCheckDigit"; given: string; expected: string };

export type LgCodeResult =
  | { ok: true; code: string; prefectureCode: string }
  | { ok: false; problem: LgCodeProblem };

const FULL_WIDTH_DIGITS = /[０-９]/g;

export function toHalfWidthDigits(value: string): string {
  return value.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function checkDigit(firstFive: string): string {
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(firstFive[i]), 0);
  return String((11 - (sum % 11)) % 10);
}

export function parseLgCode(input: string): LgCodeResult {
  const value = toHalfWidthDigits(input).trim().replace(/[-\s]/g, "");
  if (value === "") return { ok: false, problem: { key: "lgCode.empty" } };
  if (!/^\d+$/.test(value)) return { ok: false, problem: { key: "lgCode.notDigits" } };
  if (value.length !== 5 && value.length !== 6) {
    return { ok: false, problem: { key: "lgCode.wrongLength", length: value.length } };
  }
  const prefecture = value.slice(0, 2);
  const prefNumber = Number(prefecture);
  if (prefNumber < 1 || prefNumber > 47) {
    return { ok: false, problem: { key: "lgCode.badPrefecture", prefecture } };
  }
  const expected = checkDigit(value.slice(0, 5));
  if (value.length === 6 && value[5] !== expected) {
    return {
      ok: false,
      problem: { key: "lgCode.badCheckDigit", given: value[5] ?? "", expected },
    };
  }
  return { ok: true, code: value.slice(0, 5) + expected, prefectureCode: prefecture };
}
