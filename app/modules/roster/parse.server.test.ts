import fs from "node:fs";
import iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_ROSTER_BYTES, parseRoster } from "./parse.server";
import { TEMPLATE_EXAMPLE, TEMPLATE_HEADERS } from "./columns";
import { looksLikeFormula, toFullWidthKana } from "./normalize";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(`tests/fixtures/${name}`));
const HEADER = TEMPLATE_HEADERS.join(",");

async function parsed(bytes: Uint8Array) {
  const result = await parseRoster(bytes);
  if (!result.ok) throw new Error(`expected a parsed roster, got ${result.error}`);
  return result;
}

describe("reading the CP932 roster Excel writes", () => {
  it("detects Shift_JIS and keeps 髙, 﨑, ① and ㈱ exactly", async () => {
    const result = await parsed(fixture("roster-cp932.csv"));
    expect(result.encoding).toBe("cp932");
    const first = result.rows.find((r) => r.line === 2)!;
    expect(first.displayName).toBe("髙橋 﨑子");
    expect(first.teamName).toBe("受診率向上チーム①");
    expect(result.rows.find((r) => r.line === 4)!.department).toBe("㈱高砂データ 出向 統計担当");
  });

  it("normalises full-width digits, half-width kana, e-mail case and spaces", async () => {
    const result = await parsed(fixture("roster-cp932.csv"));
    expect(result.rows.find((r) => r.line === 2)!.municipalityCode).toBe("282014");
    const ito = result.rows.find((r) => r.line === 3)!;
    expect(ito.displayName).toBe("イトウ ダイスケ");
    expect(ito.email).toBe("itou.d@example.lg.jp");
    const matsumoto = result.rows.find((r) => r.line === 8)!;
    expect(matsumoto.displayName).toBe("松本 拓也");
    expect(matsumoto.teamRole).toBe("other");
  });

  it("reports each bad row with its row number, column and reason", async () => {
    const result = await parsed(fixture("roster-cp932.csv"));
    const byLine = Object.fromEntries(result.errors.map((e) => [e.line, `${e.column}:${e.error}`]));
    expect(byLine).toEqual({
      5: "municipalityCode:lgCode.badCheckDigit",
      6: "email:roster.error.email",
      7: "displayName:roster.error.formula",
      9: "email:roster.error.emailNameClash",
    });
    expect(result.total).toBe(9);
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 4, 8, 10]);
    // The clash names the other row and the name written there.
    expect(result.errors.find((e) => e.line === 9)?.params).toMatchObject({ line: expect.any(Number), other: expect.any(String) });
  });
});

describe("other encodings and formats", () => {
  it("reads UTF-8 with and without BOM, LF line ends", async () => {
    const bom = await parsed(fixture("roster-utf8-bom.csv"));
    const plain = await parsed(fixture("roster-utf8.csv"));
    expect(bom.encoding).toBe("utf-8-bom");
    expect(plain.encoding).toBe("utf-8");
    expect(bom.rows.map((r) => r.displayName)).toEqual(["髙橋 﨑子", "山本 彩"]);
    expect(plain.rows).toEqual(bom.rows);
  });

  it("reads an XLSX roster by its content and refuses formula cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名簿");
    sheet.addRow(TEMPLATE_HEADERS);
    sheet.addRow(TEMPLATE_EXAMPLE);
    sheet.addRow(["攻撃", "", "x@example.lg.jp", "282014", "総務", "チーム", "その他"]);
    sheet.getCell("A3").value = { formula: "HYPERLINK(\"http://evil\")", result: "click" } as never;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await parsed(bytes);
    expect(result.encoding).toBe("xlsx");
    expect(result.rows.map((r) => r.displayName)).toEqual(["髙橋 誠"]);
    expect(result.errors).toEqual([{ line: 3, column: "displayName", error: "roster.error.formula" }]);
  });
});

describe("control characters in a roster", () => {
  it("flags ESC and text-direction overrides on the row instead of importing them", async () => {
    const csv = [
      "氏名,ふりがな,メールアドレス,団体コード,所属部署,チーム名,チームでの役割",
      "髙橋 誠,たかはし まこと,makoto@example.lg.jp,282014,健康福祉部,受診率向上チーム,課題所管部署",
      "山田\u001b花子,,hanako@example.lg.jp,282014,総務部,受診率向上チーム,その他",
      "佐藤 一郎,,ichiro@example.lg.jp,282014,\u202e部務総,受診率向上チーム,その他",
    ].join("\r\n");
    const result = await parsed(new TextEncoder().encode(csv));
    expect(result.rows.map((r) => r.displayName)).toEqual(["髙橋 誠"]);
    expect(result.errors).toEqual([
      { line: 3, column: "displayName", error: "roster.error.controlChars" },
      { line: 4, column: "department", error: "roster.error.controlChars" },
    ]);
  });
});

describe("files that are not rosters", () => {
  it("refuses an empty file, a binary file, an oversized file and missing columns", async () => {
    expect(await parseRoster(new Uint8Array())).toEqual({ ok: false, error: "roster.error.empty" });
    expect(await parseRoster(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toEqual({ ok: false, error: "roster.error.binary" });
    expect(await parseRoster(new Uint8Array(MAX_ROSTER_BYTES + 1))).toMatchObject({ ok: false, error: "roster.error.tooLarge" });
    // Headers it cannot place go to the mapping step, with what it could place filled in.
    expect(await parseRoster(new TextEncoder().encode("氏名,メールアドレス,係\n山田,a@example.jp,企画係\n"))).toEqual({
      ok: false,
      error: "roster.error.needsMapping",
      params: { columns: "department,teamName,municipalityCode" },
      headers: ["氏名", "メールアドレス", "係"],
      guessed: { displayName: [0], email: [1] },
      headerRow: 0,
      candidates: [
        { row: 0, text: "氏名 | メールアドレス | 係" },
        { row: 1, text: "山田 | a@example.jp | 企画係" },
      ],
    });
  });
});

describe("rosters as municipalities write them", () => {
  const file = [
    "氏名（漢字）,フリガナ,メール,自治体コード,所属,チーム,テーマ",
    "髙橋 誠,タカハシ マコト,takahashi@example.lg.jp,282014,健康課,受診率向上チーム,健康診断受診のハードルが高い",
  ].join("\n");

  it("accepts the usual header variants and keeps kana and theme", async () => {
    const result = await parsed(new TextEncoder().encode(file));
    expect(result.rows).toEqual([
      expect.objectContaining({
        displayName: "髙橋 誠",
        kana: "タカハシ マコト",
        email: "takahashi@example.lg.jp",
        municipalityCode: "282014",
        department: "健康課",
        teamName: "受診率向上チーム",
        themeTitle: "健康診断受診のハードルが高い",
      }),
    ]);
  });

  it("takes a government's name when the file has no code", async () => {
    const result = await parsed(new TextEncoder().encode("氏名,メールアドレス,団体名,部署名,チーム名\n山田 太郎,y@example.lg.jp,姫路市,情報政策室,A\n"));
    expect(result.rows[0]).toMatchObject({ municipalityCode: "", municipalityName: "姫路市" });
  });

  it("reads the columns a person mapped by hand", async () => {
    const bytes = new TextEncoder().encode("名,アドレス,コード,係,班\n山田 太郎,y@example.lg.jp,282014,企画係,A班\n");
    const result = await parseRoster(bytes, { mapping: { displayName: [0], email: [1], municipalityCode: [2], department: [3], teamName: [4] } });
    expect(result.ok && result.rows[0]).toMatchObject({ displayName: "山田 太郎", department: "企画係", teamName: "A班" });
    expect(await parseRoster(bytes, { mapping: { displayName: [0] } })).toMatchObject({ ok: false, error: "roster.error.missingColumns" });
  });

  it("refuses a ZIP that is not a workbook", async () => {
    expect(await parseRoster(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, error: "roster.error.badXlsx" });
  });

  it("flags a duplicate person in the same team", async () => {
    const text = [HEADER, TEMPLATE_EXAMPLE.join(","), TEMPLATE_EXAMPLE.join(",")].join("\r\n");
    const result = await parsed(iconv.encode(text, "cp932"));
    expect(result.errors).toEqual([{ line: 3, column: "email", error: "roster.error.duplicate", params: { line: 2 } }]);
  });
});

describe("cell clean-up", () => {
  it("joins voiced marks of half-width kana", () => {
    expect(toFullWidthKana("ｶﾞｯｺｳ ﾊﾟﾝ ｳﾞ")).toBe("ガッコウ パン ヴ");
  });

  it("treats =, +, -, @ at the start as formulas but not negative numbers", () => {
    expect(["=1+1", "+81", "-cmd", "@SUM(A1)"].map(looksLikeFormula)).toEqual([true, true, true, true]);
    expect(["-12", "山田", "a=b"].map(looksLikeFormula)).toEqual([false, false, false]);
  });
});

describe("a roster kept in Excel the municipal way", () => {
  it("finds the header under the title, joins 姓/名 and ｾｲ/ﾒｲ, and skips blank and note-only rows", async () => {
    const { municipalRosterXlsx } = await import("../../../tests/fixtures/municipal-roster");
    const result = await parsed(await municipalRosterXlsx());
    expect(result.headerRow).toBe(3);
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => [r.line, r.displayName, r.kana, r.email, r.municipalityName, r.teamRole])).toEqual([
      [5, "髙橋 誠", "タカハシ マコト", "takahashi.m@example.lg.jp", "姫路市", "problem_owner"],
      [6, "伊藤 大輔", "イトウ ダイスケ", "daisuke.ito@example.lg.jp", "姫路市", "data_holder"],
    ]);
    // The mistyped address is reported on the row Excel shows, and handed back as written.
    expect(result.errors).toEqual([{ line: 7, column: "email", error: "roster.error.email", params: { value: "aya.yamamoto@" } }]);
    expect(result.invalid).toEqual([{ line: 7, values: expect.objectContaining({ displayName: "山本 彩", email: "aya.yamamoto@", teamName: "健診受診率チーム" }) }]);
  });

  it("offers the file's rows as header choices when it recognises no header, and reads from the row chosen", async () => {
    const csv = "名簿\n\n列1,列2,列3,列4,列5\nお名前,アドレス,団体コード,所属部署,チーム名\n山田 太郎,y@example.lg.jp,282014,企画係,A班\n";
    const first = await parseRoster(new TextEncoder().encode(csv));
    // The best row names four fields (お名前, 団体コード, 所属部署, チーム名) but not the address.
    expect(first).toMatchObject({ ok: false, error: "roster.error.needsMapping", headerRow: 3, guessed: { displayName: [0], municipalityCode: [2] } });
    expect(!first.ok && "candidates" in first && first.candidates.map((c) => c.row)).toEqual([0, 2, 3, 4]);
    const mapped = await parseRoster(new TextEncoder().encode(csv), { headerRow: 3, mapping: { displayName: [0], email: [1], municipalityCode: [2], department: [3], teamName: [4] } });
    expect(mapped.ok && mapped.rows).toEqual([expect.objectContaining({ line: 5, displayName: "山田 太郎", email: "y@example.lg.jp" })]);
  });

  it("joins two mapped columns with a space and refuses a formula in either part", async () => {
    const csv = "A,B,C,D,E,F\n山田,太郎,y@example.lg.jp,282014,企画係,A班\n佐藤,=1+2,s@example.lg.jp,282014,企画係,A班\n";
    const r = await parseRoster(new TextEncoder().encode(csv), { mapping: { displayName: [0, 1], email: [2], municipalityCode: [3], department: [4], teamName: [5] } });
    expect(r.ok && r.rows.map((x) => x.displayName)).toEqual(["山田 太郎"]);
    expect(r.ok && r.errors).toEqual([{ line: 3, column: "displayName", error: "roster.error.formula" }]);
  });
});
