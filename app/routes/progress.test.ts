import ExcelJS from "exceljs";
import { isA4, printWorkbook } from "../../tests/support/print";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/dates";
import { action as boardAction, loader as boardLoader } from "./progress._index";
import { loader as exportLoader } from "./progress.$format";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

// The progress board as staff use it: every team × stage of a fiscal year, the teams needing
// attention surfaced, scoped to what each person may see, and its exports.

const DAY = 86_400_000;

async function world() {
  const now = Date.now();
  const facilitator = await createUser("facilitator", { displayName: "講師 一郎" });
  const other = await createUser("facilitator", { displayName: "他地域 講師" });
  const region = await createRegion("播磨圏域", ["282014", "282103"]);
  const elsewhere = await createRegion("千代田区", ["131016"]);
  const starts = [-30, -16, 5, 19].map((d) => new Date(now + d * DAY));
  const academy = await createAcademy({ regionId: region.id, fiscalYear: fiscalYearOf(new Date()), name: "播磨アカデミー", facilitatorIds: [facilitator.id], sessionStarts: starts });
  const second = await createAcademy({ regionId: elsewhere.id, fiscalYear: fiscalYearOf(new Date()), name: "千代田アカデミー", facilitatorIds: [other.id], sessionStarts: starts });
  await prisma.academy.updateMany({ where: { id: { in: [academy.id, second.id] } }, data: { status: "running" } });
  const member = await createUser("participant");
  const onTrack = await createTeam(academy.id, "順調チーム", [member.id]);
  const behind = await createTeam(academy.id, "遅れチーム", [(await createUser("participant")).id]);
  await createTeam(second.id, "千代田チーム", [(await createUser("participant")).id]);
  await prisma.team.update({ where: { id: behind.id }, data: { createdAt: new Date(now - 40 * DAY), facilitatorId: facilitator.id } });
  await prisma.team.update({ where: { id: onTrack.id }, data: { createdAt: new Date(now - 40 * DAY) } });
  const stage = (key: string) => prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key }, select: { id: true } });
  await prisma.deliverable.create({ data: { teamId: onTrack.id, stageId: (await stage("problem_definition")).id, status: "accepted", latestVersion: 1 } });
  await prisma.deliverable.create({ data: { teamId: onTrack.id, stageId: (await stage("data_collection")).id, status: "submitted", latestVersion: 1 } });
  const cookie = async (id: string) => sessionCookieFor(id);
  return {
    academy,
    second,
    facilitator,
    coordinator: await cookie((await createUser("coordinator")).id),
    asFacilitator: await cookie(facilitator.id),
    asOther: await cookie(other.id),
    asMember: await cookie(member.id),
  };
}

const board = async (path: string, cookie: string) => caught(boardLoader({ request: getRequest(path, { cookie }), params: {}, context }));
const names = (data: { rows: { name: string }[] }) => data.rows.map((r) => r.name);

describe("the progress board", () => {
  it("shows every team × stage with its state and surfaces the overdue and stalled team", async () => {
    const w = await world();
    const { data } = await board("/progress", w.coordinator);
    expect(names(data).sort()).toEqual(["千代田チーム", "遅れチーム", "順調チーム"].sort());
    expect(data.stageKeys).toEqual(["prelearning", "problem_definition", "data_collection", "analysis", "proposal", "retrospective"]);
    const onTrack = data.rows.find((r: { name: string }) => r.name === "順調チーム");
    expect(onTrack.cells.problem_definition.state).toBe("done");
    expect(onTrack.cells.data_collection.state).toBe("submitted");
    expect(onTrack.overdue).toBe(false);
    const behind = data.rows.find((r: { name: string }) => r.name === "遅れチーム");
    expect(behind.cells.problem_definition.state).toBe("overdue");
    expect(behind).toMatchObject({ overdue: true, stalled: true, facilitatorName: "講師 一郎" });
    // 千代田チーム was created today: behind on its problem definition, not stalled
    expect(data.summary).toMatchObject({ teams: 3, overdue: 2, stalled: 1 });

    expect(names((await board("/progress?attention=stalled", w.coordinator)).data)).toEqual(["遅れチーム"]);
    expect(names((await board(`/progress?academy=${w.academy.id}&attention=overdue`, w.coordinator)).data)).toEqual(["遅れチーム"]);
    expect(names((await board(`/progress?facilitator=${w.facilitator.id}`, w.coordinator)).data).sort()).toEqual(["遅れチーム", "順調チーム"].sort());
    expect(names((await board("/progress?prefecture=13", w.coordinator)).data)).toEqual(["千代田チーム"]);
    expect((await board(`/progress?fy=${fiscalYearOf(new Date()) - 1}`, w.coordinator)).data.rows).toEqual([]);
  });

  it("shows staff only their academies' teams and refuses participants", async () => {
    const w = await world();
    const mine = await board("/progress", w.asFacilitator);
    expect(names(mine.data).sort()).toEqual(["遅れチーム", "順調チーム"].sort());
    expect(mine.data.options.academies.map((a: { name: string }) => a.name)).toEqual(["播磨アカデミー"]);
    // naming another academy in the URL shows nothing of it
    expect((await board(`/progress?academy=${w.second.id}`, w.asFacilitator)).data.rows).toEqual([]);
    expect(names((await board("/progress", w.asOther)).data)).toEqual(["千代田チーム"]);
    expect((await board("/progress", w.asMember)).status).toBe(403);
    expect((await caught(exportLoader({ request: getRequest("/progress/csv", { cookie: w.asMember }), params: { format: "csv" }, context }))).status).toBe(403);
    // nonsense filters fall back to the defaults
    const odd = await board("/progress?fy=abc&attention=<x>&page=-3&academy=' OR 1=1 --", w.coordinator);
    expect(odd.status).toBe(200);
    expect(odd.data.rows).toHaveLength(3);
  });

  it("exports the whole filter as CSV with a BOM and as XLSX with due dates as dates", async () => {
    const w = await world();
    const csv = (await exportLoader({ request: getRequest("/progress/csv?attention=overdue", { cookie: w.coordinator }), params: { format: "csv" }, context })) as Response;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFFチーム,アカデミー,地域,講師,事前学習,")).toBe(true);
    expect(text).toContain("遅れチーム,播磨アカデミー,播磨圏域,講師 一郎,");
    expect(text).toContain("期限切れ");
    expect(text).not.toContain("順調チーム");

    const xlsx = (await exportLoader({ request: getRequest("/progress/xlsx", { cookie: w.coordinator }), params: { format: "xlsx" }, context })) as Response;
    const xlsxBytes = await xlsx.arrayBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsxBytes);
    const sheet = book.getWorksheet("進捗")!;
    expect(sheet.getCell("A4").value).toBe("チーム");
    const rowOf = (ws: ExcelJS.Worksheet, team: string) => Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(i + 5)).find((r) => r.getCell(1).value === team)!;
    const header = sheet.getRow(4).values as string[];
    expect(rowOf(sheet, "遅れチーム").getCell(header.indexOf("課題の設定")).value).toBe("期限切れ");
    // The due dates on a sheet of their own, so each part prints readably on A4.
    const dues = book.getWorksheet("期限")!;
    const dueHeader = dues.getRow(4).values as string[];
    expect(dueHeader.slice(1, 3)).toEqual(["チーム", "事前学習の期限"]);
    const due = rowOf(dues, "遅れチーム").getCell(dueHeader.indexOf("課題の設定の期限")).value as Date;
    expect(due).toBeInstanceOf(Date);
    // a spreadsheet date has no zone: the Tokyo wall clock, 23:59 of the day before the next session
    expect([due.getUTCHours(), due.getUTCMinutes()]).toEqual([23, 59]);
    // On paper (LibreOffice → PDF): the states on one A4 page, the due dates on the next, the definitions last.
    const pages = printWorkbook(new Uint8Array(await xlsxBytes));
    expect(pages).toHaveLength(3);
    expect(pages.every(isA4)).toBe(true);
    expect(pages[0]!.text).toContain("遅れチーム");
    expect(pages[1]!.text).toContain("課題の設定の期限");
    for (const page of pages) expect(page.smallestPt).toBeGreaterThanOrEqual(9);
    expect(pages[2]!.text).toContain("期限切れ：実施中");
    expect((await caught(exportLoader({ request: getRequest("/progress/pdf", { cookie: w.coordinator }), params: { format: "pdf" }, context }))).status).toBe(404);
  });
});

describe("reminding an overdue team from the board", () => {
  const remind = async (cookie: string, teamId: string) => {
    const request = new Request("http://localhost:3000/progress?attention=overdue", { method: "POST", body: new URLSearchParams({ intent: "remind", teamId }).toString(), headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" } });
    return caught(boardAction({ request, params: {}, context }));
  };

  it("tells every member which stages are overdue, once a day, and only for a team that is overdue", async () => {
    const w = await world();
    const teams = await prisma.team.findMany({ select: { id: true, name: true } });
    const id = (name: string) => teams.find((t) => t.name === name)!.id;
    const sent = await remind(w.asFacilitator, id("遅れチーム"));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/progress?attention=overdue");
    const notices = await prisma.notification.findMany({ where: { kind: "due_reminder" } });
    expect(notices).toHaveLength(1);
    expect(JSON.parse(notices[0]!.params)).toMatchObject({ team: "遅れチーム", stages: "課題の設定" });
    expect(await prisma.mailMessage.count()).toBe(1);
    // a double click, or a second coordinator the same day: nothing more is sent
    const again = await Promise.all([remind(w.coordinator, id("遅れチーム")), remind(w.asFacilitator, id("遅れチーム"))]);
    expect(again.map((a) => a.status)).toEqual([302, 302]);
    expect(await prisma.notification.count({ where: { kind: "due_reminder" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "team.remind" } })).toBe(1);
    // a team on track is not reminded
    await remind(w.coordinator, id("順調チーム"));
    expect(await prisma.notification.count({ where: { kind: "due_reminder" } })).toBe(1);
    // another academy's facilitator does not see the team; a member may not remind
    expect((await remind(w.asOther, id("遅れチーム"))).status).toBe(404);
    expect((await remind(w.asMember, id("遅れチーム"))).status).toBe(403);
    expect((await remind(w.coordinator, "no-such-team")).status).toBe(404);
  });
});
