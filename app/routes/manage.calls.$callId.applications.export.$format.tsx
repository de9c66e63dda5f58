import type { LoaderFunctionArgs } from "@remix-run/node";
import { callForStaff } from "~/modules/call/call.server";
import { applicationsTable } from "~/modules/call/export.server";
import { reviewerRole } from "~/modules/call/selection.server";
import { requireUser } from "~/utils/session.server";
import { forbidden, invariantFound, notFound } from "~/utils/http.server";
import { bytesDownload, textDownload } from "~/utils/download.server";
import { toCsv } from "~/utils/csv";
import { serverT } from "~/utils/i18n.server";
import { resolveLocale } from "~/utils/locale.server";
import { tableWorkbook, XLSX_MIME } from "~/utils/xlsx.server";
import { toTokyoDateInput } from "~/utils/dates";

/**
 * The submitted applications of a call as CSV (UTF-8 with BOM, for Excel) or XLSX, for the call's
 * reviewers and coordinators: the fixed fields, the call's own questions, and the scores as the
 * ranked list shows them to this person (a reviewer sees others' scores once they have scored).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const format = params.format;
  if (format !== "csv" && format !== "xlsx") notFound();
  const user = await requireUser(request);
  const call = invariantFound(await callForStaff(String(params.callId ?? "").slice(0, 64)));
  const role = await reviewerRole(user, call.id);
  if (!role) forbidden();
  const locale = await resolveLocale(request, user);
  const t = serverT(locale);
  const now = new Date();
  const table = await applicationsTable(t, call.id, user, role);
  const name = `${t("call.export.fileName", { title: call.title })}.${format}`;
  if (format === "csv") {
    return textDownload(name, "text/csv", toCsv([table.header, ...table.body.map((row) => row.map((v) => (v instanceof Date ? `${toTokyoDateInput(v)}` : v)))]));
  }
  const bytes = await tableWorkbook({
    sheetName: t("call.export.sheet"),
    title: t("call.export.title", { title: call.title }),
    subtitle: t("call.export.subtitle", { count: table.body.length }),
    generatedAt: now,
    generatedLabel: t("kpi.generatedAt"),
    header: table.header,
    body: table.body,
    notes: [t("call.export.scoreNote")],
    notesSheetName: t("kpi.definitionsSheet"),
  });
  return bytesDownload(name, XLSX_MIME, bytes);
}
