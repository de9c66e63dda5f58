import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { action as rosterAction } from "./academies.$academyId.roster";
import { loader as feedLoader } from "./calendar.feed.$file";
import { loader as academyIcsLoader } from "./academies.$academyId.calendar[.ics]";
import { rotateCalendarToken, revokeCalendarToken } from "~/modules/calendar/calendar.server";
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
  return formRequest("/roster", { file: new File([new Uint8Array(bytes)], name, { type: "text/csv" }) }, { cookie });
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

  it("refuses a tampered preview", async () => {
    const { academy, cookie } = await setup();
    const preview = await caught(rosterAction({ request: upload(cookie, fs.readFileSync("tests/fixtures/roster-utf8.csv")), params: { academyId: academy.id }, context }));
    const forged = Buffer.from(JSON.stringify([{ ...preview.data.rows[0], displayName: "偽者" }])).toString("base64url");
    const res = await caught(rosterAction({ request: formRequest("/roster", { intent: "commit", payload: forged, signature: preview.data.signature }, { cookie }), params: { academyId: academy.id }, context }));
    expect(res.status).toBe(400);
    expect(res.data.error).toBe("roster.error.tampered");
    expect(await prisma.team.count()).toBe(0);
  });

  it("refuses a 20 MB upload and a binary file with clear messages", async () => {
    const { academy, cookie } = await setup();
    const big = await caught(rosterAction({ request: upload(cookie, new Uint8Array(20 * 1024 * 1024).fill(0x41)), params: { academyId: academy.id }, context }));
    expect(big.data).toMatchObject({ step: "error", error: "upload.tooLarge" });
    const binary = await caught(rosterAction({ request: upload(cookie, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])), params: { academyId: academy.id }, context }));
    expect(binary.data).toMatchObject({ step: "error", error: "roster.error.binary" });
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

  it("exports an academy as iCal only for people who may see it", async () => {
    const { academy, cookie } = await setup();
    const ok = await academyIcsLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id }, context });
    expect(ok.headers.get("Content-Type")).toContain("text/calendar");
    const stranger = await createUser("participant");
    const denied = await caught(academyIcsLoader({ request: getRequest("/", { cookie: await sessionCookieFor(stranger.id) }), params: { academyId: academy.id }, context }));
    expect(denied.status).toBe(404);
  });
});
