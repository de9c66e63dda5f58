import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadExcel } from "~/utils/libraries.server";
import { requireAcademyContext } from "~/utils/academy-context.server";
import { TEMPLATE_EXAMPLE, TEMPLATE_FILE_NAME, TEMPLATE_HEADERS, TEMPLATE_SHEET_NAME } from "~/modules/roster/columns";
import { notFound } from "~/utils/http.server";

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The roster template: CSV with a BOM (so Excel opens it as UTF-8) or XLSX. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAcademyContext(request, params.academyId, "manageTeams");
  if (params.format === "csv") {
    const body = "\uFEFF" + [TEMPLATE_HEADERS, TEMPLATE_EXAMPLE].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="roster-template.csv"; filename*=UTF-8''${encodeURIComponent(`${TEMPLATE_FILE_NAME}.csv`)}`,
      },
    });
  }
  if (params.format === "xlsx") {
    const workbook = new (await loadExcel()).Workbook();
    const sheet = workbook.addWorksheet(TEMPLATE_SHEET_NAME);
    sheet.addRow(TEMPLATE_HEADERS).font = { bold: true };
    sheet.addRow(TEMPLATE_EXAMPLE);
    sheet.columns.forEach((c) => (c.width = 22));
    sheet.getColumn(4).numFmt = "@";
    const buffer = await workbook.xlsx.writeBuffer();
    return new Response(buffer as ArrayBuffer, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${TEMPLATE_FILE_NAME}.xlsx`)}`,
      },
    });
  }
  notFound();
}
