import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { scanTable } from "./scan.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dam-scan-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

// 123456789018 is check-digit-valid (the digit of 12345678901 is 8)
const MY_NUMBER = "123456789018";

describe("the personal-information scan of a table", () => {
  it("an aggregate table by district and age band is clean", async () => {
    const csv = "地区,年齢階級,対象者数,受診者数,受診率\n中央,40-44,1200,420,35.0\n北部,45-49,980,301,30.7\n";
    const result = await scanTable(write("agg.csv", csv), "csv");
    expect(result.status).toBe("clean");
    expect(result.findings).toEqual([]);
    expect(result.rows).toBe(3);
  });

  it("a phone column needs confirmation and says where, without copying the number", async () => {
    const csv = "地区,連絡先\n中央,090-1234-5678\n北部,なし\n";
    const result = await scanTable(write("phone.csv", csv), "csv");
    expect(result.status).toBe("needs_confirmation");
    const phone = result.findings.find((f) => f.kind === "phone");
    expect(phone).toMatchObject({ row: 2, column: 2, columnLabel: "B", header: "連絡先" });
    expect(JSON.stringify(result)).not.toContain("1234-5678");
  });

  it("a header naming personal data needs confirmation even with empty cells", async () => {
    const result = await scanTable(write("header.csv", "氏名,住所,生年月日\n,,\n"), "csv");
    expect(result.status).toBe("needs_confirmation");
    expect(result.findings.filter((f) => f.kind === "header").map((f) => f.category)).toEqual(["name", "address", "birth"]);
  });

  it("a check-digit-valid My Number is refused with its row and column", async () => {
    const csv = `番号,地区\n1,中央\n2,北部\n${MY_NUMBER},南部\n`;
    const result = await scanTable(write("mynumber.csv", csv), "csv");
    expect(result.status).toBe("refused");
    expect(result.findings.find((f) => f.kind === "my_number")).toMatchObject({ row: 4, column: 1, columnLabel: "A" });
  });

  it("twelve digits that fail the check digit are not a My Number", async () => {
    const result = await scanTable(write("notmynumber.csv", "管理番号,件数\n123456789012,3\n"), "csv");
    expect(result.status).not.toBe("refused");
  });

  it("reads Shift_JIS as Excel in Japan saves it", async () => {
    const sjis = iconv.encode("氏名,電話\r\n山田太郎,03-1234-5678\r\n", "Shift_JIS");
    const result = await scanTable(write("sjis.csv", sjis), "csv");
    expect(result.status).toBe("needs_confirmation");
    expect(result.findings.some((f) => f.kind === "header" && f.header === "氏名")).toBe(true);
    expect(result.findings.some((f) => f.kind === "phone")).toBe(true);
  });

  it("finds e-mail addresses, postal code with address, and era birth dates in an XLSX", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("名簿");
    sheet.addRow(["No", "メモ", "所在", "生まれ"]);
    sheet.addRow([1, "taro@example.jp", "〒670-0012 兵庫県姫路市本町68番地", "昭和45年4月1日"]);
    sheet.addRow([2, "", "", "昭和52年12月3日"]);
    const file = path.join(dir, "book.xlsx");
    await book.xlsx.writeFile(file);
    const result = await scanTable(file, "xlsx");
    expect(result.status).toBe("needs_confirmation");
    const kinds = new Set(result.findings.map((f) => f.kind));
    expect(kinds.has("email")).toBe(true);
    expect([...kinds].some((k) => k === "postal_address" || k === "address")).toBe(true);
    expect(kinds.has("birth_date")).toBe(true);
    expect(result.findings.find((f) => f.kind === "email")).toMatchObject({ sheet: "名簿", row: 2, columnLabel: "B" });
  });

  it("a My Number in an XLSX cell stored as a number is refused", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("data").addRows([["id", "地区"], [Number(MY_NUMBER), "中央"]]);
    const file = path.join(dir, "mn.xlsx");
    await book.xlsx.writeFile(file);
    expect((await scanTable(file, "xlsx")).status).toBe("refused");
  });

  it("keeps a bounded list of findings but counts them all", async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i},user${i}@example.jp`).join("\n");
    const result = await scanTable(write("many.csv", `no,連絡\n${rows}\n`), "csv");
    expect(result.counts.email).toBe(500);
    expect(result.findings.filter((f) => f.kind === "email").length).toBeLessThanOrEqual(20);
  });
});
