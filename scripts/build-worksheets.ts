// Generates the worksheet templates in materials/worksheets/ with exceljs, so they can be
// reproduced and reviewed as code. Run: npm run materials:worksheets
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { printAsForm } from "../app/utils/xlsx.server";

const DIR = path.resolve("materials/worksheets");
const catalogue = JSON.parse(fs.readFileSync(path.join(DIR, "catalogue.json"), "utf8")) as { id: string; file: string; title: string }[];
const FIXED_DATE = new Date("2026-04-01T00:00:00Z");

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E6FF" } };
const border: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** The header row of each sheet's table, repeated on every printed page. */
const headerRows = new Map<ExcelJS.Worksheet, number>();

function table(sheet: ExcelJS.Worksheet, startRow: number, headers: { label: string; width: number }[], rows: number) {
  if (!headerRows.has(sheet)) headerRows.set(sheet, startRow);
  const header = sheet.getRow(startRow);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h.label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = border;
    cell.alignment = { wrapText: true, vertical: "middle" };
    sheet.getColumn(i + 1).width = h.width;
  });
  header.height = 36;
  for (let r = 1; r <= rows; r++) {
    const row = sheet.getRow(startRow + r);
    headers.forEach((_, i) => {
      const cell = row.getCell(i + 1);
      cell.border = border;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    row.getCell(1).value = r;
    row.height = 40;
  }
}

function title(sheet: ExcelJS.Worksheet, text: string, note: string) {
  sheet.getCell("A1").value = text;
  sheet.getCell("A1").font = { bold: true, size: 16 };
  sheet.getCell("A2").value = note;
  sheet.getCell("A2").font = { size: 11, color: { argb: "FF444444" } };
  sheet.getCell("A3").value = "チーム名：";
}

function list(sheet: ExcelJS.Worksheet, range: string, values: string[]) {
  // dataValidations exists at run time but is missing from exceljs' type definitions.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
  validations.add(range, { type: "list", allowBlank: true, formulae: [`"${values.join(",")}"`] });
}

function problemDefinition(wb: ExcelJS.Workbook) {
  const s1 = wb.addWorksheet("課題設定");
  title(s1, "課題設定シート", "データからではなく課題から始めます。誰の、どんな状態を、どう変えたいかを書きます。");
  const fields = [
    "課題文（誰の・どんな状態を・どう変えたいか）",
    "現状を示す数字（出典・時点）",
    "目指す状態（数字で）",
    "所管する部署・関係する部署",
  ];
  s1.getColumn(1).width = 40;
  s1.getColumn(2).width = 80;
  fields.forEach((f, i) => {
    const row = s1.getRow(5 + i);
    row.getCell(1).value = f;
    row.getCell(1).font = { bold: true };
    row.getCell(1).fill = HEADER_FILL;
    row.getCell(1).border = border;
    row.getCell(2).border = border;
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.height = 48;
  });
  const s2 = wb.addWorksheet("ロジックツリー");
  title(s2, "ロジックツリー", "「なぜ？」で分解します。同じ階層は重なりなく、漏れなく。最下層が原因の仮説です。");
  table(s2, 5, [{ label: "No", width: 6 }, { label: "課題", width: 28 }, { label: "なぜ？（第1階層）", width: 28 }, { label: "なぜ？（第2階層）", width: 28 }, { label: "原因の仮説", width: 36 }], 12);
  const s3 = wb.addWorksheet("仮説と必要なデータ");
  title(s3, "仮説と必要なデータ", "仮説ごとに確かめ方と必要なデータを書きます。集計値で確かめられないかを先に考えます。");
  table(s3, 5, [{ label: "No", width: 5 }, { label: "仮説", width: 26 }, { label: "確かめ方（何と何を比べるか）", width: 26 }, { label: "必要なデータ", width: 22 }, { label: "保有部署", width: 14 }, { label: "個人単位のデータが必要か", width: 12 }, { label: "入手の見込み", width: 12 }], 10);
  list(s3, "F6:F15", ["不要（集計値で足りる）", "必要", "要検討"]);
  list(s3, "G6:G15", ["入手済み", "依頼中", "未依頼", "入手困難"]);
}

/** One dataset per page, as a portrait form: a label column and a wide column to write in. */
function datasetForm(sheet: ExcelJS.Worksheet, startRow: number, items: { label: string; choices?: string[]; height?: number }[]) {
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 58;
  items.forEach((item, i) => {
    const row = sheet.getRow(startRow + i);
    row.getCell(1).value = item.label;
    row.getCell(1).font = { bold: true };
    row.getCell(1).fill = HEADER_FILL;
    row.getCell(1).alignment = { wrapText: true, vertical: "middle" };
    row.getCell(1).border = border;
    row.getCell(2).border = border;
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.height = item.height ?? 40;
    if (item.choices) list(sheet, `B${startRow + i}`, item.choices);
  });
}

const DATASETS = 5;

function dataUse(wb: ExcelJS.Workbook) {
  // A list of the datasets (what a reviewer reads first), then one page per dataset to fill in.
  const overview = wb.addWorksheet("一覧");
  title(overview, "データ活用検討ワークシート", "データごとに1枚（「データ1」〜「データ5」のシート）。足りなければシートをコピーしてください。個人番号を含むデータは扱いません。");
  table(
    overview,
    5,
    [
      { label: "No", width: 5 },
      { label: "データ名（年度・時点）", width: 26 },
      { label: "保有部署", width: 16 },
      { label: "個人情報の有無", width: 10 },
      { label: "利用目的の範囲内か", width: 10 },
      { label: "個人情報保護担当への相談", width: 20 },
    ],
    DATASETS,
  );
  // the overview repeats what each dataset's page says (blank until it is filled in)
  const fromSheet = ["B5", "B6", "B9", "B13", "B16"];
  for (let n = 1; n <= DATASETS; n++) {
    fromSheet.forEach((ref, i) => {
      overview.getRow(5 + n).getCell(i + 2).value = { formula: `IF('データ${n}'!${ref}="","",'データ${n}'!${ref})` } as ExcelJS.CellFormulaValue;
    });
  }
  for (let n = 1; n <= DATASETS; n++) {
    const s = wb.addWorksheet(`データ${n}`);
    title(s, `データ活用検討ワークシート（データ${n}）`, "保有部署・個人情報保護の担当と確認した内容を記録します。");
    datasetForm(s, 5, [
      { label: "データ名（年度・時点）" },
      { label: "保有部署" },
      { label: "主な項目", height: 56 },
      { label: "期間・件数" },
      { label: "個人情報の有無", choices: ["有", "無", "要確認"], height: 28 },
      { label: "要配慮個人情報の有無", choices: ["有", "無", "要確認"], height: 28 },
      { label: "取得時の利用目的", height: 56 },
      { label: "今回の利用目的", height: 56 },
      { label: "利用目的の範囲内か", choices: ["範囲内", "範囲外", "要確認"], height: 28 },
      { label: "範囲外の場合の根拠・手続", height: 56 },
      { label: "加工方法（集計・削除・仮名加工・階級化など）", height: 56 },
      { label: "個人情報保護担当への相談（日付・結果）", height: 56 },
      { label: "保有部署の確認（日付・担当者）" },
      { label: "保管場所・持ち出しの可否" },
    ]);
  }
}

function analysisPlan(wb: ExcelJS.Workbook) {
  // The plan (decided before analysing) and the results (written after) on two sheets, so each
  // prints on A4 at a size one can write on.
  const s = wb.addWorksheet("分析計画");
  title(s, "分析計画シート", "仮説ごとに、何と何を比べればよいか、どうなれば仮説を支持すると判断するかを先に決めます。");
  table(
    s,
    5,
    [
      { label: "No", width: 5 },
      { label: "仮説", width: 24 },
      { label: "比べるもの（地区別・年代別・経年など）", width: 18 },
      { label: "指標（分子／分母）", width: 16 },
      { label: "使うデータ", width: 16 },
      { label: "集計方法", width: 14 },
      { label: "グラフ", width: 12 },
      { label: "判断の基準", width: 20 },
    ],
    10,
  );
  list(s, "G6:G15", ["横棒グラフ", "折れ線グラフ", "積み上げ棒グラフ", "散布図", "表"]);
  const r = wb.addWorksheet("分析結果");
  title(r, "分析結果", "分析計画シートの No ごとに、担当と期限、分かった事実、課題との関係の強さを書きます。");
  table(
    r,
    5,
    [
      { label: "No", width: 5 },
      { label: "仮説（分析計画から）", width: 26 },
      { label: "担当", width: 12 },
      { label: "期限", width: 11 },
      { label: "結果（事実を文章で）", width: 50 },
      { label: "課題との関係の強さ", width: 14 },
    ],
    10,
  );
  for (let n = 1; n <= 10; n++) r.getRow(5 + n).getCell(2).value = { formula: `IF('分析計画'!B${5 + n}="","",'分析計画'!B${5 + n})` } as ExcelJS.CellFormulaValue;
  list(r, "F6:F15", ["強い", "ある程度", "弱い", "判断できない"]);
}

function kpt(wb: ExcelJS.Workbook) {
  const s = wb.addWorksheet("KPT");
  title(s, "KPT振り返りシート", "Keep（続けたいこと）・Problem（困ったこと）・Try（次に試すこと）を書き出します。");
  table(s, 5, [{ label: "No", width: 6 }, { label: "Keep", width: 40 }, { label: "Problem", width: 40 }, { label: "Try", width: 40 }], 10);
  const a = wb.addWorksheet("アクション");
  title(a, "Tryを行動にする", "Tryごとに、誰が・いつまでに・何をするかを決め、3・6・12か月後に確かめます。");
  table(
    a,
    5,
    [
      { label: "No", width: 5 },
      { label: "Try（何をするか）", width: 28 },
      { label: "誰が", width: 12 },
      { label: "いつまでに", width: 11 },
      { label: "3か月後の状況", width: 16 },
      { label: "6か月後の状況", width: 16 },
      { label: "12か月後の状況", width: 16 },
      { label: "結果（予算化・事業化・サービス開始など）", width: 20 },
    ],
    10,
  );
}

function columnLetter(n: number) {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Print like a municipal form (the app's rule, printAsForm: A4, portrait unless the table needs
 * landscape, one page wide), a print area around what is filled in, the table header repeated.
 */
function printSetup(sheet: ExcelJS.Worksheet) {
  const last = columnLetter(Math.max(2, sheet.actualColumnCount));
  // the sheet's note wraps across the printed width instead of running off the page
  sheet.mergeCells(`A2:${last}2`);
  sheet.getCell("A2").alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = 30;
  printAsForm(sheet, headerRows.get(sheet));
  sheet.pageSetup.horizontalCentered = true;
  sheet.pageSetup.printArea = `A1:${columnLetter(Math.max(1, sheet.actualColumnCount))}${Math.max(1, sheet.rowCount)}`;
}

const builders: Record<string, (wb: ExcelJS.Workbook) => void> = {
  "worksheet-problem-definition": problemDefinition,
  "worksheet-data-use": dataUse,
  "worksheet-analysis-plan": analysisPlan,
  "worksheet-kpt": kpt,
};

for (const entry of catalogue) {
  const build = builders[entry.id];
  if (!build) throw new Error(`no builder for ${entry.id}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Data Academy Manager";
  wb.title = entry.title;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  build(wb);
  wb.worksheets.forEach(printSetup);
  await wb.xlsx.writeFile(path.join(DIR, entry.file));
  process.stdout.write(`wrote materials/worksheets/${entry.file}\n`);
}
