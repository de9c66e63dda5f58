import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV for Excel", () => {
  it("starts with a BOM, quotes what needs quoting and ends lines with CRLF", () => {
    expect(toCsv([["名前", "メモ"], ["山田", 'a,"b"\n次の行']])).toBe('\uFEFF名前,メモ\r\n山田,"a,""b""\n次の行"\r\n');
  });

  it("keeps a spreadsheet from running a cell as a formula", () => {
    expect(toCsv([["=HYPERLINK(\"x\")", "-1+2", "@SUM(A1)", 5]])).toBe("\uFEFF\"'=HYPERLINK(\"\"x\"\")\",'-1+2,'@SUM(A1),5\r\n");
  });
});
