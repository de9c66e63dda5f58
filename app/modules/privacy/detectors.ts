// Detectors of personal information in tables a team uploads (CSV, XLSX). Pure functions over
// one header or one cell, plus a column-level rule for birth dates; the scanner
// (scan.server.ts) feeds them row by row. Values are normalised with NFKC first, so full-width
// digits and hyphens count the same as half-width ones. See docs/decisions/0010-team-path.md.

export type HeaderCategory = "name" | "address" | "birth" | "phone" | "email" | "my_number" | "insurance" | "resident_id" | "other_id";
export type CellKind = "my_number" | "phone" | "email" | "postal_address" | "address";

export function normalise(value: string): string {
  return value.normalize("NFKC").trim();
}

function headerKey(value: string) {
  return normalise(value).toLowerCase().replace(/[\s_\-・･()（）【】[\]「」]/g, "");
}

/** Header names that say a column holds personal data. Short or generic words must match exactly. */
const EXACT: Record<string, HeaderCategory> = {
  氏: "name",
  名: "name",
  姓: "name",
  カナ: "name",
  かな: "name",
  name: "name",
  fullname: "name",
  firstname: "name",
  lastname: "name",
  address: "address",
  tel: "phone",
  fax: "phone",
  phone: "phone",
  mail: "email",
  email: "email",
  dob: "birth",
  birth: "birth",
  birthday: "birth",
  dateofbirth: "birth",
  生年: "birth",
};

const CONTAINS: [string, HeaderCategory][] = [
  ["個人番号", "my_number"],
  ["マイナンバー", "my_number"],
  ["mynumber", "my_number"],
  ["被保険者番号", "insurance"],
  ["被保険者証番号", "insurance"],
  ["保険証番号", "insurance"],
  ["住民票コード", "resident_id"],
  ["宛名番号", "resident_id"],
  ["宛名コード", "resident_id"],
  ["住民番号", "resident_id"],
  ["個人コード", "resident_id"],
  ["基礎年金番号", "other_id"],
  ["口座番号", "other_id"],
  ["免許証番号", "other_id"],
  ["旅券番号", "other_id"],
  ["パスポート番号", "other_id"],
  ["氏名", "name"],
  ["名前", "name"],
  ["フリガナ", "name"],
  ["ふりがな", "name"],
  ["世帯主", "name"],
  ["住所", "address"],
  ["居所", "address"],
  ["番地", "address"],
  ["生年月日", "birth"],
  ["誕生日", "birth"],
  ["電話", "phone"],
  ["携帯", "phone"],
  ["メールアドレス", "email"],
  ["eメール", "email"],
  ["メール", "email"],
];

/** The kind of personal data a column header names, or null. */
export function headerCategory(header: string): HeaderCategory | null {
  const key = headerKey(header);
  if (!key) return null;
  if (EXACT[key]) return EXACT[key];
  for (const [term, category] of CONTAINS) if (key.includes(term)) return category;
  return null;
}

/**
 * マイナンバー (個人番号): 12 digits whose last is the check digit of the other 11 (総務省令
 * 第85号 第5条). P(n) is the n-th digit from the right before the check digit, Q(n) = n+1 for
 * n ≤ 6 and n-5 above.
 */
export function isMyNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits) || /^(\d)\1{11}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  const check = remainder <= 1 ? 0 : 11 - remainder;
  return check === Number(digits[11]);
}

/** 12 digits standing alone (optionally as 4-4-4 with hyphens or spaces) that pass the check. */
function hasMyNumber(value: string): boolean {
  for (const match of value.matchAll(/(?<![\d-])(\d{4})[- ]?(\d{4})[- ]?(\d{4})(?![\d-])/g)) {
    if (isMyNumber(`${match[1]}${match[2]}${match[3]}`)) return true;
  }
  return false;
}

/**
 * Japanese telephone numbers: 0 then a non-zero digit, 10 digits (landline, IP 050) or 11
 * (mobile 070/080/090), written with or without hyphens or brackets; +81 for the leading 0.
 */
function hasPhone(value: string): boolean {
  for (const match of value.matchAll(/(?<![\d-])(?:\+81[- ]?|0)[1-9][\d\-() ]{7,13}\d(?![\d-])/g)) {
    const digits = match[0].replace(/^\+81[- ]?/, "0").replace(/\D/g, "");
    const mobile = /^0[789]0/.test(digits);
    if (mobile ? digits.length === 11 : digits.length === 10) return true;
  }
  return false;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const POSTAL = /(?<![\d-])\d{3}-\d{4}(?![\d-])/;
/** A place name followed by a house number: 「…市安田4丁目1」「…町3番地」「…区1-2-3」. */
const ADDRESS = /(?:都|道|府|県|市|区|町|村|郡).{0,30}?(?:(?:\d+|[一二三四五六七八九十]+)\s*(?:丁目|番地|番|号)|\d+-\d+)/;

export function isPostalCode(value: string) {
  return POSTAL.test(normalise(value));
}

/** Personal data in one cell, most serious first; a postal code elsewhere in the row turns an address into postal_address. */
export function cellKinds(raw: string, rowHasPostalCode = false): CellKind[] {
  const value = normalise(raw);
  if (!value || value.length > 2000) return [];
  const kinds: CellKind[] = [];
  if (/\d{4}/.test(value) && hasMyNumber(value)) kinds.push("my_number");
  if (/0|\+81/.test(value) && hasPhone(value)) kinds.push("phone");
  if (value.includes("@") && EMAIL.test(value)) kinds.push("email");
  if (ADDRESS.test(value)) kinds.push(POSTAL.test(value) || rowHasPostalCode ? "postal_address" : "address");
  return kinds;
}

const ERAS: Record<string, number> = { 明治: 1867, M: 1867, 大正: 1911, T: 1911, 昭和: 1925, S: 1925, 平成: 1988, H: 1988, 令和: 2018, R: 2018 };

/** A date written as 1980/4/1, 1980-04-01, 1980年4月1日, 昭和55年4月1日, S55.4.1, 平成元年… → { year, era }. */
export function parseDateCell(raw: string): { year: number; era: string | null } | null {
  const value = normalise(raw);
  const western = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(value);
  if (western) {
    const [year, month, day] = [Number(western[1]), Number(western[2]), Number(western[3])];
    return year >= 1868 && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, era: null } : null;
  }
  const era = /^(明治|大正|昭和|平成|令和|[MTSHR])\s?(\d{1,2}|元)[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/i.exec(value);
  if (era) {
    const name = era[1]!.toUpperCase();
    const offset = ERAS[name] ?? ERAS[era[1]!];
    const n = era[2] === "元" ? 1 : Number(era[2]);
    const [month, day] = [Number(era[3]), Number(era[4])];
    if (offset === undefined || n < 1 || n > 64 || month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { year: offset + n, era: name };
  }
  return null;
}

/** Eras in which no event of today's administrative data falls: such a date is somebody's birth. */
const BIRTH_ERAS = new Set(["明治", "M", "大正", "T", "昭和", "S"]);

export function isBirthEraDate(parsed: { era: string | null } | null) {
  return parsed?.era ? BIRTH_ERAS.has(parsed.era) : false;
}

/**
 * A column of dates is a column of birth dates when its header says so, or when its years
 * spread over two decades or more (visit dates, application dates … fall within a few years).
 */
export function isBirthDateColumn(header: string, years: readonly number[]): boolean {
  if (headerCategory(header) === "birth") return years.length > 0;
  if (years.length < 5) return false;
  return Math.max(...years) - Math.min(...years) >= 20;
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
