import dayjs from "dayjs";
import utc from "dayjs/plugin/utc";
import customParseFormat from "dayjs/plugin/customParseFormat";
import "dayjs/locale/ja";
import "dayjs/locale/en";

// Dates are stored as UTC instants and always shown in Asia/Tokyo, through dayjs (utc, the ja
// locale). Fiscal year (年度) runs April to March; era labels come from Intl's Japanese calendar,
// which dayjs does not cover.
//
// Tokyo time is UTC+9 with no daylight saving since 1951, so it is applied as a fixed offset:
// exact for every date the app accepts (2000–2100), and far cheaper than dayjs's timezone plugin,
// which builds an Intl formatter per call and took a quarter of the server's CPU (issue 8 profile).

dayjs.extend(utc);
dayjs.extend(customParseFormat);

export const TIME_ZONE = "Asia/Tokyo";
const TOKYO_OFFSET_MINUTES = 9 * 60;

export type AppLocale = "ja" | "en";

/** An instant as a dayjs value in Tokyo time. */
export function inTokyo(date: Date) {
  return dayjs(date).utcOffset(TOKYO_OFFSET_MINUTES);
}

/** Calendar parts of an instant as seen in Tokyo. */
export function tokyoParts(date: Date) {
  const d = inTokyo(date);
  return { year: d.year(), month: d.month() + 1, day: d.date(), hour: d.hour(), minute: d.minute(), weekday: d.day() };
}

/** The instant of a Tokyo wall-clock time. Month is 1-based. */
export function fromTokyo(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - TOKYO_OFFSET_MINUTES * 60_000);
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
let eraFormat: Intl.DateTimeFormat | undefined;

export function japaneseEraYear(date: Date): string {
  eraFormat ??= new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", timeZone: TIME_ZONE });
  const parts = eraFormat.formatToParts(date);
  const era = parts.find((p) => p.type === "era")?.value ?? "";
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  return `${era}${year === "1" ? "元" : year}年`;
}

/** "令和元年5月1日" */
export function formatEraDate(date: Date): string {
  return `${japaneseEraYear(date)}${inTokyo(date).format("M月D日")}`;
}

/** "2025年9月4日(木)" / "Thu 4 Sep 2025" (dayjs's locales, the same on server and browser). */
export function formatDate(date: Date, locale: AppLocale): string {
  const d = inTokyo(date).locale(locale);
  return locale === "ja" ? d.format("YYYY年M月D日(dd)") : d.format("ddd D MMM YYYY");
}

/** "13:30" in Tokyo. */
export function formatTime(date: Date): string {
  return inTokyo(date).format("HH:mm");
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
  return inTokyo(date).format("YYYY-MM-DD");
}

/** The Tokyo time of an instant as hh:mm (for time inputs). */
export function toTokyoTimeInput(date: Date): string {
  return formatTime(date);
}
