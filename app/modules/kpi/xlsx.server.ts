import { tableWorkbook } from "~/utils/xlsx.server";

// The KPI report as an XLSX workbook (the app's table workbook, on a sheet named KPI).

export function kpiWorkbook(input: { title: string; period: string; generatedAt: Date; generatedLabel: string; header: string[]; body: (string | number)[][]; total: (string | number)[]; definitions: string[]; definitionsSheet: string }) {
  return tableWorkbook({ sheetName: "KPI", title: input.title, subtitle: input.period, generatedAt: input.generatedAt, generatedLabel: input.generatedLabel, header: input.header, body: input.body, total: input.total, notes: input.definitions, notesSheetName: input.definitionsSheet });
}
