import ExcelJS from "exceljs";
import { isA4, printWorkbook } from "../../tests/support/print";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fromTokyo } from "~/utils/dates";
import { loader as pageLoader } from "./reports.kpi._index";
import { loader as exportLoader } from "./reports.kpi.$format";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

// The KPI report page and its exports as a coordinator downloads them.

async function world() {
  const region = await createRegion("播磨圏域", ["282014"]);
  const academy = await createAcademy({ regionId: region.id, fiscalYear: 2025, sessionStarts: [fromTokyo(2025, 9, 10, 13), fromTokyo(2025, 9, 24, 13)] });
  const member = await createUser("participant");
  const team = await createTeam(academy.id, "受診率向上チーム", [member.id]);
  await prisma.teamMunicipality.create({ data: { teamId: team.id, municipalityCode: "282014" } });
  await prisma.enrollment.updateMany({ where: { academyId: academy.id, role: "participant" }, data: { municipalityCode: "282014" } });
  return { coordinator: await sessionCookieFor((await createUser("coordinator")).id), facilitator: await sessionCookieFor((await createUser("facilitator")).id) };
}

describe("the KPI report", () => {
  it("shows a fiscal year per prefecture and falls back to sensible filters for nonsense", async () => {
    const w = await world();
    const page = await caught(pageLoader({ request: getRequest("/reports/kpi?fy=2025&by=prefecture", { cookie: w.coordinator }), params: {}, context }));
    expect(page.data.rows.map((r: { label: string }) => r.label)).toEqual(["兵庫県"]);
    expect(page.data.total).toMatchObject({ participants: 1, sessionsHeld: 2, hours: 7 });
    const odd = await caught(pageLoader({ request: getRequest("/reports/kpi?fy=1999&q=9&by=x'--", { cookie: w.coordinator }), params: {}, context }));
    expect(odd.status).toBe(200);
    expect(odd.data).toMatchObject({ quarter: null, groupBy: "prefecture" });
    expect((await caught(pageLoader({ request: getRequest("/reports/kpi", { cookie: w.facilitator }), params: {}, context }))).status).toBe(403);
  });

  it("downloads CSV with a BOM and an XLSX with numbers as numbers, a date and a styled header", async () => {
    const w = await world();
    const csv = (await exportLoader({ request: getRequest("/reports/kpi/csv?fy=2025&by=municipality", { cookie: w.coordinator }), params: { format: "csv" }, context })) as Response;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFF市区町村,都道府県,研修履修人数,")).toBe(true);
    expect(text).toContain("\r\n姫路市,兵庫県,0,0,1,0,1,0,2,0,7,0,0,0\r\n");
    expect(csv.headers.get("Content-Disposition")).toContain("filename*=UTF-8''");

    const xlsx = (await exportLoader({ request: getRequest("/reports/kpi/xlsx?fy=2025&by=municipality", { cookie: w.coordinator }), params: { format: "xlsx" }, context })) as Response;
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet("KPI")!;
    expect(sheet.getCell("A1").value).toBe("2025年度（令和7年度） KPIレポート");
    expect(sheet.getCell("B3").value).toBeInstanceOf(Date);
    expect(sheet.getCell("A4").value).toBe("市区町村");
    expect(sheet.getCell("A4").font?.bold).toBe(true);
    expect(sheet.getCell("A5").value).toBe("姫路市");
    expect(sheet.getCell("G5").value).toBe(1); // teams, a number
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(12);
    // On paper (LibreOffice → PDF): the table on one A4 page, the definitions on the next.
    const pages = printWorkbook(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(pages).toHaveLength(2);
    expect(pages.every(isA4)).toBe(true);
    expect(pages[0]!.text).toContain("姫路市");
    expect(pages[0]!.smallestPt).toBeGreaterThanOrEqual(9);
    expect(pages[1]!.text).toContain("研修履修人数:");
    expect((await caught(exportLoader({ request: getRequest("/reports/kpi/pdf", { cookie: w.coordinator }), params: { format: "pdf" }, context }))).status).toBe(404);
  });
});
