// Dates are stored as UTC instants and always shown in Asia/Tokyo.
// Fiscal year (年度) runs April to March; era labels use the Japanese calendar.

export const TIME_ZONE = "Asia/Tokyo";
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time

export type AppLocale = "ja" | "en";

const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Calendar parts of an instant as seen in Tokyo. */
export function tokyoParts(date: Date) {
  const shifted = new Date(date.getTime() + TOKYO_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a Tokyo wall-clock time. Month is 1-based. */
export function fromTokyo(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - TOKYO_OFFSET_MS);
}

/** 年度 of an instant: 2026-03-31 (Tokyo) is FY2025, 2026-04-01 is FY2026. */
export function fiscalYearOf(date: Date): number {
  const { year, month } = tokyoParts(date);
  return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fiscalYear: number): { start: Date; end: Date } {
  return { start: fromTokyo(fiscalYear, 4, 1), end: fromTokyo(fiscalYear + 1, 4, 1) };
}

/**
 * Era label of a fiscal year, e.g. 令和7年度. The era is taken at 1 July of the fiscal
 * year: FY2019 began under Heisei but is officially 令和元年度, while FY2018 stays 平成30年度.
 */
export function fiscalYearEraLabel(fiscalYear: number): string {
  return `${japaneseEraYear(fromTokyo(fiscalYear, 7, 1))}度`;
}

/** "2025年度" / "FY2025"; with era: "2025年度（令和7年度）". */
export function formatFiscalYear(fiscalYear: number, locale: AppLocale, withEra = false): string {
  if (locale === "en") return `FY${fiscalYear}`;
  return withEra ? `${fiscalYear}年度（${fiscalYearEraLabel(fiscalYear)}）` : `${fiscalYear}年度`;
}

/** "令和元年" style era + year (元 for the first year, as official documents write it). */
export function japaneseEraYear(date: Date): string {
  const parts = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
    era: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).formatToParts(date);
  const era = parts.find((p) => p.type === "era")?.value ?? "";
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  return `${era}${year === "1" ? "元" : year}年`;
}

/** "令和元年5月1日" */
export function formatEraDate(date: Date): string {
  const { month, day } = tokyoParts(date);
  return `${japaneseEraYear(date)}${month}月${day}日`;
}

/** "2025年9月4日(木)" / "Thu 4 Sep 2025" */
export function formatDate(date: Date, locale: AppLocale): string {
  if (locale === "ja") {
    const { year, month, day, weekday } = tokyoParts(date);
    const wd = "日月火水木金土"[weekday];
    return `${year}年${month}月${day}日(${wd})`;
  }
  // Built by hand: ICU versions disagree on English abbreviations ("Sep" vs "Sept").
  const { year, month, day, weekday } = tokyoParts(date);
  return `${EN_WEEKDAYS[weekday]} ${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** "13:30" in Tokyo. */
export function formatTime(date: Date): string {
  const { hour, minute } = tokyoParts(date);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** "2025年9月4日(木) 13:30〜17:00" */
export function formatTimeRange(start: Date, end: Date, locale: AppLocale): string {
  const sep = locale === "ja" ? "〜" : "–";
  return `${formatDate(start, locale)} ${formatTime(start)}${sep}${formatTime(end)}`;
}

export function formatDateTime(date: Date, locale: AppLocale): string {
  return `${formatDate(date, locale)} ${formatTime(date)}`;
}

/** "2026-09-04" + "13:30" (Tokyo) to an instant; inputs are already validated. */
export function fromTokyoInputs(date: string, time = "00:00"): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return fromTokyo(y, m, d, hh, mm);
}

/** The Tokyo date of an instant as yyyy-mm-dd (for date inputs). */
export function toTokyoDateInput(date: Date): string {
  const { year, month, day } = tokyoParts(date);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The Tokyo time of an instant as hh:mm (for time inputs). */
export function toTokyoTimeInput(date: Date): string {
  return formatTime(date);
}
