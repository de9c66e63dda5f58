// 修了証番号: unique in a fiscal year, printed as 第2025-0001号 (shared by server and browser).
export function certificateNumber(fiscalYear: number, serial: number) {
  return `${fiscalYear}-${String(serial).padStart(4, "0")}`;
}
