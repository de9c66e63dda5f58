import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { action as rosterAction } from "./academies.$academyId.roster";
import { loader as feedLoader } from "./calendar.feed.$file";
import { loader as academyIcsLoader } from "./academies.$academyId.calendar[.ics]";
import { getCalendarToken, rotateCalendarToken, revokeCalendarToken } from "~/modules/calendar/calendar.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";
import { fromTokyo } from "~/utils/dates";

async function setup() {
  const coordinator = await createUser("coordinator");
  const region = await createRegion("播磨圏域", ["282014", "282103", "282162"]);
  const academy = await createAcademy({ regionId: region.id, sessionStarts: [fromTokyo(2026, 9, 4, 13, 30)] });
  return { coordinator, academy, cookie: await sessionCookieFor(coordinator.id) };
}

function upload(cookie: string, bytes: Uint8Array, name = "roster.csv") {
  return formRequest("/roster", { intent: "preview", file: new File([new Uint8Array(bytes)], name, { type: "text/csv" }) }, { cookie });
}

describe("roster import", () => {
  it("previews a CP932 roster with row errors and writes nothing", async () => {
    const { academy, cookie } = await setup();
    const res = await caught(rosterAction({ request: upload(cookie, fs.readFileSync("tests/fixtures/roster-cp932.csv")), params: { academyId: academy.id }, context }));
    expect(res.data.step).toBe("preview");
    expect(res.data.encoding).toBe("cp932");
    expect(res.data.errors.map((e: { line: number; error: string }) => `${e.line}:${e.error}`)).toEqual([
      "5:lgCode.badCheckDigit",
      "6:roster.error.email",
      "7:roster.error.formula",
      "9:roster.error.emailNameClash",
      "10:roster.error.outsideRegion",
    ]);
    expect(res.data.rows).toHaveLength(4);
    expect(await prisma.user.count()).toBe(1);
    expect(await prisma.team.count()).toBe(0);
  });

  it("imports the valid rows in one go, creates teams and invites new people once", async () => {
    const { academy, cookie } = await setup();
    const preview = await caught(rosterAction({ request: upload(cookie, fs.readFileSync("tests/fixtures/roster-cp932-fixed.csv")), params: { academyId: academy.id }, context }));
    expect(preview.data.errors).toEqual([]);
    const commit = () =>
      caught(rosterAction({ request: formRequest("/roster", { intent: "commit", payload: preview.data.payload, signature: preview.data.signature }, { cookie }), params: { academyId: academy.id }, context }));
    const res = await commit();
    expect(res.status).toBe(302);
    const teams = await prisma.team.findMany({
      where: { academyId: academy.id },
      include: { members: { include: { enrollment: { include: { user: true } } } }, municipalities: true },
      orderBy: { name: "asc" },
    });
    expect(teams.map((t) => [t.name, t.members.length])).toEqual([["受診率向上チーム①", 2], ["防災データチーム", 4]]);
    expect(teams[0]!.members.map((m) => m.enrollment.user.displayName).sort()).toEqual(["イトウ ダイスケ", "髙橋 﨑子"]);
    expect(teams[1]!.municipalities.map((m) => m.municipalityCode).sort()).toEqual(["282103", "282162"]);
    expect(await prisma.mailMessage.count()).toBe(6);
    // Importing the same file again changes nothing and sends no second invitation.
    await commit();
    expect(await prisma.teamMember.count()).toBe(6);
    expect(await prisma.mailMessage.count()).toBe(6);
  });

  it("imports a roster with municipal headers, keeping kana and theme", async () => {
    const { academy, cookie } = await setup();
    const preview = await caught(rosterAction({ request: upload(cookie, fs.readFileSync("tests/fixtures/roster-municipal-headers.csv")), params: { academyId: academy.id }, context }));
    expect(preview.data.step).toBe("preview");
    expect(preview.data.errors).toEqual([]);
    const res = await caught(
      rosterAction({ request: formRequest("/roster", { intent: "commit", payload: preview.data.payload, signature: preview.data.signature }, { cookie }), params: { academyId: academy.id }, context }),
    );
    expect(res.status).toBe(302);
    const takahashi = await prisma.user.findUniqueOrThrow({ where: { email: "takahashi.m@example.lg.jp" }, include: { enrollments: true } });
    expect(takahashi.kana).toBe("たかはし まこと");
    expect(takahashi.enrollments).toEqual([expect.objectContaining({ academyId: academy.id, role: "participant", department: "健康福祉局 健康課", municipalityCode: "282014" })]);
    const team = await prisma.team.findFirstOrThrow({ where: { academyId: academy.id, name: "受診率向上チーム" } });
    expect(team.themeTitle).toBe("健康診断受診のハードルが高い");
  });

  it("asks for the columns it cannot recognise, then imports with the mapping", async () => {
    const { academy, cookie } = await setup();
    const csv = "名前,アドレス,コード,係,班\n山田 太郎,yamada@example.lg.jp,282014,企画係,A班\n";
    const first = await caught(rosterAction({ request: upload(cookie, new TextEncoder().encode(csv)), params: { academyId: academy.id }, context }));
    expect(first.data).toMatchObject({ step: "mapping", headers: ["名前", "アドレス", "コード", "係", "班"], guessed: { displayName: [0] } });
    const fields = { intent: "map", token: first.data.token, fileName: "x.csv", "column.displayName": "0", "column.email": "1", "column.municipalityCode": "2", "column.department": "3", "column.teamName": "4" };
    const mapped = await caught(rosterAction({ request: formRequest("/roster", { ...fields, header: "名前" }, { cookie }), params: { academyId: academy.id }, context }));
    // Only one header sent back: the mapping to columns 1-4 is out of range and refused.
    expect(mapped.data).toMatchObject({ step: "mapping", reason: "roster.error.mappingIncomplete" });
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    for (const h of first.data.headers) body.append("header", h);
    const ok = await caught(rosterAction({ request: new Request("http://localhost:3000/roster", { method: "POST", body, headers: { Cookie: cookie } }), params: { academyId: academy.id }, context }));
    expect(ok.data.step).toBe("preview");
    expect(ok.data.rows).toEqual([expect.objectContaining({ displayName: "山田 太郎", department: "企画係", teamName: "A班" })]);
    // A token for another academy is refused.
    const other = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id });
    const forged = await caught(rosterAction({ request: formRequest("/roster", { ...fields, header: "名前" }, { cookie }), params: { academyId: other.id }, context }));
    expect(forged.data).toMatchObject({ ok: false, reason: "roster.error.mappingExpired" });
  });

  it("asks before creating a team whose name differs from an existing one by a space", async () => {
    const { academy, cookie } = await setup();
    await prisma.team.create({ data: { academyId: academy.id, name: "姫路市チーム" } });
    const csv = "氏名,メールアドレス,団体コード,所属部署,チーム名\n山田 太郎,yamada@example.lg.jp,282014,企画課,姫路市 チーム\n";
    const preview = await caught(rosterAction({ request: upload(cookie, new TextEncoder().encode(csv)), params: { academyId: academy.id }, context }));
    expect(preview.data.similar).toEqual([{ name: "姫路市 チーム", existing: "姫路市チーム" }]);
    const commit = (choice?: string) =>
      caught(
        rosterAction({
          request: formRequest("/roster", { intent: "commit", payload: preview.data.payload, signature: preview.data.signature, ...(choice ? { "team:姫路市 チーム": choice } : {}) }, { cookie }),
          params: { academyId: academy.id },
          context,
        }),
      );
    const undecided = await commit();
    expect(undecided.status).toBe(400);
    expect(undecided.data.undecided).toEqual(["姫路市 チーム"]);
    expect(await prisma.teamMember.count()).toBe(0);
    expect((await commit("existing")).status).toBe(302);
    expect((await prisma.team.findMany({ where: { academyId: academy.id }, select: { name: true } })).map((t) => t.name)).toEqual(["姫路市チーム"]);
    expect(await prisma.teamMember.count({ where: { team: { name: "姫路市チーム" } } })).toBe(1);
  });

  it("lets a facilitator of another academy, imported into a team, see this academy and their team", async () => {
    const { academy, cookie } = await setup();
    const elsewhere = await createAcademy({ regionId: (await createRegion("芦北町", ["434825"])).id });
    const facilitator = await createUser("facilitator", { email: "sato@example.lg.jp", displayName: "佐藤 健一" });
    await enroll(elsewhere.id, facilitator.id, "facilitator");
    const csv = "氏名,メールアドレス,団体コード,所属部署,チーム名\n佐藤 健一,sato@example.lg.jp,282014,情報政策室,データ活用チーム\n";
    const preview = await caught(rosterAction({ request: upload(cookie, new TextEncoder().encode(csv)), params: { academyId: academy.id }, context }));
    await rosterAction({ request: formRequest("/roster", { intent: "commit", payload: preview.data.payload, signature: preview.data.signature }, { cookie }), params: { academyId: academy.id }, context });
    const theirCookie = await sessionCookieFor(facilitator.id);
    const { loader: dashboardLoader } = await import("./dashboard");
    const dashboard = await caught(dashboardLoader({ request: getRequest("/dashboard", { cookie: theirCookie }), params: {}, context }));
    expect(dashboard.data.participant.teams.map((t: { name: string }) => t.name)).toEqual(["データ活用チーム"]);
    expect(dashboard.data.staff.academies.map((a: { id: string }) => a.id)).toEqual([elsewhere.id]);
    // They already have a password: told by mail that they were added, not sent an invitation.
    const mail = await prisma.mailMessage.findFirstOrThrow({ where: { to: "sato@example.lg.jp" } });
    expect(mail.subject).toContain(academy.name);
    expect(mail.text).toContain("データ活用チーム");
    expect(mail.text).not.toContain("/invitations/");
  });

  it("imports 1,200 new people in one go: everyone written, everyone invited", async () => {
    const { academy, cookie } = await setup();
    const lines = ["氏名,メールアドレス,団体コード,所属部署,チーム名"];
    for (let i = 0; i < 1200; i++) lines.push(`職員 ${i},staff${i}@example.lg.jp,282014,企画課,チーム${i % 40}`);
    const preview = await caught(rosterAction({ request: upload(cookie, new TextEncoder().encode(lines.join("\n"))), params: { academyId: academy.id }, context }));
    expect(preview.data.errors).toEqual([]);
    expect(preview.data.rows).toHaveLength(1200);
    const res = await caught(
      rosterAction({ request: formRequest("/roster", { intent: "commit", payload: preview.data.payload, signature: preview.data.signature }, { cookie }), params: { academyId: academy.id }, context }),
    );
    expect(res.status).toBe(302);
    expect(await prisma.teamMember.count({ where: { team: { academyId: academy.id } } })).toBe(1200);
    expect(await prisma.invitation.count()).toBe(1200);
    expect(await prisma.mailMessage.count()).toBe(1200);
  }, 120_000);

  it("refuses a tampered preview", async () => {
    const { academy, cookie } = await setup();
    const preview = await caught(rosterAction({ request: upload(cookie, fs.readFileSync("tests/fixtures/roster-utf8.csv")), params: { academyId: academy.id }, context }));
    const forged = Buffer.from(JSON.stringify([{ ...preview.data.rows[0], displayName: "偽者" }])).toString("base64url");
    const res = await caught(rosterAction({ request: formRequest("/roster", { intent: "commit", payload: forged, signature: preview.data.signature }, { cookie }), params: { academyId: academy.id }, context }));
    expect(res.status).toBe(400);
    expect(res.data.reason).toBe("roster.error.tampered");
    expect(await prisma.team.count()).toBe(0);
  });

  it("refuses a 20 MB upload and a binary file with clear messages", async () => {
    const { academy, cookie } = await setup();
    const big = await caught(rosterAction({ request: upload(cookie, new Uint8Array(20 * 1024 * 1024).fill(0x41)), params: { academyId: academy.id }, context }));
    expect(big.data).toMatchObject({ ok: false, reason: "upload.tooLarge" });
    const binary = await caught(rosterAction({ request: upload(cookie, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])), params: { academyId: academy.id }, context }));
    expect(binary.data).toMatchObject({ ok: false, reason: "roster.error.binary" });
  });

  it("is for coordinators only", async () => {
    const { academy } = await setup();
    const facilitator = await createUser("facilitator");
    await enroll(academy.id, facilitator.id, "facilitator");
    const res = await caught(
      rosterAction({ request: upload(await sessionCookieFor(facilitator.id), fs.readFileSync("tests/fixtures/roster-utf8.csv")), params: { academyId: academy.id }, context }),
    );
    expect(res.status).toBe(403);
  });

  it("imports a municipal Excel roster (title rows, 姓/名, ｾｲ/ﾒｲ, notes) after a bad address is fixed in the preview", async () => {
    const { academy, cookie } = await setup();
    const { municipalRosterXlsx } = await import("../../tests/fixtures/municipal-roster");
    const first = await caught(rosterAction({ request: upload(cookie, await municipalRosterXlsx(), "参加者名簿.xlsx"), params: { academyId: academy.id }, context }));
    expect(first.data.step).toBe("preview");
    expect(first.data.rows.map((r: { displayName: string }) => r.displayName)).toEqual(["髙橋 誠", "伊藤 大輔"]);
    expect(first.data.invalid).toEqual([{ line: 7, values: expect.objectContaining({ email: "aya.yamamoto@", displayName: "山本 彩" }) }]);
    const fixFields = (email: string) => ({
      intent: "fix",
      payload: first.data.payload,
      signature: first.data.signature,
      fileName: "参加者名簿.xlsx",
      encoding: "xlsx",
      ...Object.fromEntries(Object.entries(first.data.invalid[0].values).map(([k, v]) => [`fix.7.${k}`, k === "email" ? email : v])),
    });
    // A fix that is still wrong comes back as an error on the same row; nothing is written.
    const stillWrong = await caught(rosterAction({ request: formRequest("/roster", fixFields("aya.yamamoto@example"), { cookie }), params: { academyId: academy.id }, context }));
    expect(stillWrong.data.errors).toEqual([expect.objectContaining({ line: 7, column: "email" })]);
    expect(stillWrong.data.invalid[0].values.email).toBe("aya.yamamoto@example");
    const fixed = await caught(rosterAction({ request: formRequest("/roster", fixFields("aya.yamamoto@example.lg.jp"), { cookie }), params: { academyId: academy.id }, context }));
    expect(fixed.data.errors).toEqual([]);
    expect(fixed.data.rows.map((r: { line: number; displayName: string }) => [r.line, r.displayName])).toEqual([[5, "髙橋 誠"], [6, "伊藤 大輔"], [7, "山本 彩"]]);
    expect(await prisma.team.count()).toBe(0);
    // The accepted rows cannot be edited on the way back: a changed payload is refused.
    const forged = await caught(rosterAction({ request: formRequest("/roster", { ...fixFields("a@example.lg.jp"), payload: fixed.data.payload }, { cookie }), params: { academyId: academy.id }, context }));
    expect(forged.data).toMatchObject({ ok: false, reason: "roster.error.tampered" });
    const commit = await caught(rosterAction({ request: formRequest("/roster", { intent: "commit", payload: fixed.data.payload, signature: fixed.data.signature }, { cookie }), params: { academyId: academy.id }, context }));
    expect(commit.status).toBe(302);
    const people = await prisma.user.findMany({ where: { email: { endsWith: "example.lg.jp" } }, select: { displayName: true, kana: true }, orderBy: { email: "asc" } });
    expect(people).toEqual([
      { displayName: "山本 彩", kana: "ヤマモト アヤ" },
      { displayName: "伊藤 大輔", kana: "イトウ ダイスケ" },
      { displayName: "髙橋 誠", kana: "タカハシ マコト" },
    ]);
    // Invitations go to the whole name, not the family name alone.
    const mails = await prisma.mailMessage.findMany({ select: { text: true } });
    expect(mails).toHaveLength(3);
    expect(mails.some((m) => m.text.includes("髙橋 誠"))).toBe(true);
  });

  it("lets the coordinator point at the header row when none is recognised", async () => {
    const { academy, cookie } = await setup();
    const csv = "名簿\n\n列1,列2,列3,列4,列5\n氏名,メールアドレス,団体コード,所属部署,チーム名\n山田 太郎,yamada@example.lg.jp,282014,企画係,A班\n";
    // Row 3 (列1 …) names nothing; row 4 names everything, so it is found without asking.
    const found = await caught(rosterAction({ request: upload(cookie, new TextEncoder().encode(csv)), params: { academyId: academy.id }, context }));
    expect(found.data.rows).toEqual([expect.objectContaining({ line: 5, displayName: "山田 太郎" })]);
    const odd = "名簿\n番号,人,連絡先,コード,課,班\n1,山田 太郎,yamada@example.lg.jp,282014,企画係,A班\n";
    const asked = await caught(rosterAction({ request: upload(cookie, new TextEncoder().encode(odd)), params: { academyId: academy.id }, context }));
    expect(asked.data).toMatchObject({ step: "mapping", headerRow: 0, candidates: [{ row: 0, text: "名簿" }, { row: 1 }, { row: 2 }] });
    const header = await caught(rosterAction({ request: formRequest("/roster", { intent: "header", token: asked.data.token, fileName: "x.csv", headerRow: "1" }, { cookie }), params: { academyId: academy.id }, context }));
    expect(header.data).toMatchObject({ step: "mapping", headerRow: 1, headers: ["番号", "人", "連絡先", "コード", "課", "班"] });
    const body = new FormData();
    const fields = { intent: "map", token: asked.data.token, fileName: "x.csv", headerRow: "1", "column.displayName": "1", "column.email": "2", "column.municipalityCode": "3", "column.department": "4", "column.teamName": "5" };
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    for (const h of header.data.headers) body.append("header", h);
    const ok = await caught(rosterAction({ request: new Request("http://localhost:3000/roster", { method: "POST", body, headers: { Cookie: cookie } }), params: { academyId: academy.id }, context }));
    expect(ok.data.rows).toEqual([expect.objectContaining({ line: 3, displayName: "山田 太郎", teamName: "A班" })]);
  });
});

describe("calendar feeds", () => {
  it("serves a personal iCal feed by secret URL until it is revoked", async () => {
    const { academy } = await setup();
    const participant = await createUser("participant");
    await createTeam(academy.id, "受診率向上チーム", [participant.id]);
    const token = await rotateCalendarToken(participant.id);
    const res = await caught(feedLoader({ request: getRequest("/"), params: { file: `${token}.ics` }, context }));
    expect(res.status).toBe(200);
    const body = await (await feedLoader({ request: getRequest("/"), params: { file: `${token}.ics` }, context })).text();
    expect(body).toContain("BEGIN:VEVENT");
    expect(body).toContain("DTSTART:20260904T043000Z");
    expect(body).toContain("テストアカデミー 第1回");
    await revokeCalendarToken(participant.id);
    expect((await caught(feedLoader({ request: getRequest("/"), params: { file: `${token}.ics` }, context }))).status).toBe(404);
  });

  it("keeps no usable feed URL in the database, yet shows its owner the same URL again", async () => {
    const participant = await createUser("participant");
    const token = await rotateCalendarToken(participant.id);
    expect(await getCalendarToken(participant.id)).toBe(token);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: participant.id } });
    expect(JSON.stringify(row)).not.toContain(token);
    // Someone holding a copy of the database tries the stored values as the URL.
    for (const guess of [row.calendarTokenHash!, row.calendarTokenNonce!]) {
      expect((await caught(feedLoader({ request: getRequest("/"), params: { file: `${guess}.ics` }, context }))).status).toBe(404);
    }
  });

  it("answers an unchanged feed with 304, and a moved session with a new version", async () => {
    const { academy } = await setup();
    const participant = await createUser("participant");
    await createTeam(academy.id, "受診率向上チーム", [participant.id]);
    const token = await rotateCalendarToken(participant.id);
    const get = (headers: Record<string, string> = {}) =>
      feedLoader({ request: new Request("http://localhost:3000/x", { headers }), params: { file: `${token}.ics` }, context }) as Promise<Response>;
    const first = await get();
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get({ "If-None-Match": etag })).status).toBe(304);
    await prisma.workshopSession.updateMany({ where: { academyId: academy.id }, data: { venueName: "新しい会場" } });
    const moved = await get({ "If-None-Match": etag });
    expect(moved.status).toBe(200);
    expect(await moved.text()).toContain("新しい会場");
  });

  it("keeps serving the feeds when one session holds a meeting URL the calendar library refuses", async () => {
    const { academy, cookie } = await setup();
    const participant = await createUser("participant");
    await createTeam(academy.id, "受診率向上チーム", [participant.id]);
    // Stored before URLs were normalised on input.
    await prisma.workshopSession.updateMany({ where: { academyId: academy.id }, data: { onlineUrl: "https://Zoom.us/j/123456789" } });
    const token = await rotateCalendarToken(participant.id);
    const feed = (await feedLoader({ request: getRequest("/"), params: { file: `${token}.ics` }, context })) as Response;
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("テストアカデミー 第1回");
    const ics = (await academyIcsLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id }, context })) as Response;
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain("BEGIN:VEVENT");
  });

  it("exports an academy as iCal only for people who may see it", async () => {
    const { academy, cookie } = await setup();
    const ok = await academyIcsLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id }, context });
    expect(ok.headers.get("Content-Type")).toContain("text/calendar");
    const stranger = await createUser("participant");
    const denied = await caught(academyIcsLoader({ request: getRequest("/", { cookie: await sessionCookieFor(stranger.id) }), params: { academyId: academy.id }, context }));
    expect(denied.status).toBe(404);
  });
});
