import { serverT } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/dates";
import type { CalendarSession } from "./calendar.server";

/** "播磨圏域データアカデミー 2026 第2回 データの収集・加工" in the reader's language. */
export function sessionLabel(locale: AppLocale) {
  const t = serverT(locale);
  return (s: CalendarSession) => [s.academy.name, t("session.numbered", { n: s.sequence }), s.title].filter(Boolean).join(" ");
}
