import ExcelJS from "exceljs";

// The KPI report as an XLSX workbook: a title, the period and when it was made (a real date),
// a styled header row frozen in place, numbers as numbers, widths that fit Japanese labels.

export async function kpiWorkbook(input: { title: string; period: string; generatedAt: Date; generatedLabel: string; header: string[]; body: (string | number)[][]; total: (string | number)[]; definitions: string[] }) {
  const book = new ExcelJS.Workbook();
  book.creator = "Data Academy Manager";
  book.created = input.generatedAt;
  const sheet = book.addWorksheet("KPI", { views: [{ state: "frozen", ySplit: 4 }] });
  sheet.addRow([input.title]).font = { bold: true, size: 14 };
  sheet.addRow([input.period]);
  const made = sheet.addRow([input.generatedLabel, input.generatedAt]);
  made.getCell(2).numFmt = "yyyy/mm/dd hh:mm";
  const header = sheet.addRow(input.header);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF0017C1" } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.border = { bottom: { style: "thin" } };
  });
  header.height = 36;
  // numbers get a number format cell by cell (a column format would also reformat the date above)
  const numbered = (row: ExcelJS.Row) => row.eachCell((cell, col) => {
    if (col > 1 && typeof cell.value === "number") cell.numFmt = Number.isInteger(cell.value) ? "#,##0" : "#,##0.0";
  });
  for (const line of input.body) numbered(sheet.addRow(line));
  const total = sheet.addRow(input.total);
  numbered(total);
  total.font = { bold: true };
  total.eachCell((cell) => (cell.border = { top: { style: "thin" } }));
  sheet.addRow([]);
  for (const d of input.definitions) sheet.addRow([d]);
  input.header.forEach((h, i) => {
    const column = sheet.getColumn(i + 1);
    const longest = Math.max(h.length, ...input.body.map((r) => String(r[i] ?? "").length));
    // full-width characters take about two columns
    // the second column also holds the date the report was made
    column.width = i === 0 ? Math.max(16, longest * 2 + 2) : Math.min(24, Math.max(i === 1 ? 18 : 10, h.length * 1.6));
  });
  return new Uint8Array(await book.xlsx.writeBuffer() as ArrayBuffer);
}
