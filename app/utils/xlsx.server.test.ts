import { describe, expect, it } from "vitest";
import { tableWorkbook } from "./xlsx.server";
import { isA4, printWorkbook } from "../../tests/support/print";

// Every XLSX the app writes goes through tableWorkbook: read back by LibreOffice as a printer gets it.
describe("an exported table on paper", () => {
  it("prints a long table on A4 one page wide, the header on every page, definitions on their own page", async () => {
    const header = ["チーム", "アカデミー", "地域", "講師", "事前学習", "課題の設定", "データの収集と準備", "分析", "提案", "振り返り", "最終更新", "状態"];
    const body = Array.from({ length: 120 }, (_, i) => [`チーム${i + 1}`, "播磨圏域データアカデミー 2026", "播磨圏域", "佐藤 健一", "完了", "完了", "取り組み中", "未着手", "未着手", "未着手", new Date(Date.UTC(2026, 8, 1)), "順調"]);
    const bytes = await tableWorkbook({
      sheetName: "進捗",
      title: "2026年度 進捗",
      subtitle: "すべて",
      generatedAt: new Date(),
      generatedLabel: "作成日時",
      header,
      body,
      notes: ["定義：期限切れは、期限を過ぎて提出のないステージです。"],
      notesSheetName: "定義",
    });
    const pages = printWorkbook(bytes);
    const table = pages.slice(0, -1);
    expect(table.length).toBeGreaterThanOrEqual(2);
    expect(table[0]!.text).toContain("チーム1 ");
    expect(table.at(-1)!.text).toContain("チーム120");
    for (const page of pages) expect(isA4(page)).toBe(true);
    // one page wide: every column's header on every page, and the last column's values too
    for (const page of table) {
      expect(page.text).toContain("振り返り");
      expect(page.text).toContain("状態");
      expect(page.text).toContain("順調");
      expect(page.smallestPt).toBeGreaterThanOrEqual(9);
    }
    expect(pages.at(-1)!.text).toContain("期限切れは、期限を過ぎて");
    expect(table.some((p) => p.text.includes("期限切れは"))).toBe(false);
  }, 120_000);
});
