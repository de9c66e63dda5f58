import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/utils/session.server";
import { forbidden, notFound } from "~/utils/http.server";
import { queueScope } from "~/modules/deliverable/review.server";
import { needingAttention, progressOfYear } from "~/modules/progress/board.server";
import { boardFilter, STALLED_AFTER_DAYS } from "~/modules/progress/filter";
import { boardTable, boardTableForPrint } from "~/modules/progress/table";
import { bytesDownload, textDownload } from "~/utils/download.server";
import { tableWorkbook, XLSX_MIME } from "~/utils/xlsx.server";
import { toCsv } from "~/utils/csv";
import { serverT } from "~/utils/i18n.server";
import { resolveLocale } from "~/utils/locale.server";
import { formatFiscalYear, toTokyoDateInput } from "~/utils/dates";

// The progress board as CSV (UTF-8 with BOM) or XLSX: every team of the filter, not one page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!queueScope(user)) forbidden();
  const format = params.format;
  if (format !== "csv" && format !== "xlsx") notFound();
  const filter = boardFilter(new URL(request.url));
  const now = new Date();
  const { teams, stageKeys } = await progressOfYear(user, filter, now);
  const locale = await resolveLocale(request, user);
  const t = serverT(locale);
  const title = t("progress.title", { fy: formatFiscalYear(filter.fiscalYear, locale, true) });
  const table = boardTable(t, stageKeys, needingAttention(teams, filter.attention));
  const name = `${title}.${format}`;
  if (format === "csv") {
    const csvRows = table.body.map((row) => row.map((v) => (v instanceof Date ? toTokyoDateInput(v) : v)));
    return textDownload(name, "text/csv", toCsv([table.header, ...csvRows]));
  }
  const print = boardTableForPrint(t, stageKeys, needingAttention(teams, filter.attention));
  const bytes = await tableWorkbook({
    sheetName: t("progress.sheet"),
    title,
    subtitle: t(`progress.attention.${filter.attention}`),
    generatedAt: now,
    generatedLabel: t("kpi.generatedAt"),
    header: print.states.header,
    body: print.states.body,
    parts: [{ sheetName: t("progress.dueSheet"), ...print.dueDates }],
    notes: [t("progress.definitions", { days: STALLED_AFTER_DAYS })],
    notesSheetName: t("kpi.definitionsSheet"),
  });
  return bytesDownload(name, XLSX_MIME, bytes);
}
