import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createAcademy } from "~/modules/academy/academy.server";
import { action as newRegionAction } from "./regions.new";
import { action as regionAction } from "./regions.$regionId";
import { readFlash } from "~/utils/flash.server";
import { action as newAcademyAction } from "./academies.new";
import { action as academyAction } from "./academies.$academyId._index";
import { action as editSessionAction, loader as editSessionLoader } from "./academies.$academyId.sessions.$sessionId.edit";
import { createTeam, createUser } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

async function coordinatorCookie() {
  const user = await createUser("coordinator");
  return { user, cookie: await sessionCookieFor(user.id) };
}

const everyone = { canSee: () => true };

async function harimaAcademy(actorId: string, facilitatorIds: string[], firstSessionDate = "2026-09-04", name = "播磨圏域データアカデミー 2026") {
  const region = await prisma.region.create({
    data: { name: `播磨圏域-${Math.random()}`, members: { create: ["282014", "282103", "282162"].map((municipalityCode) => ({ municipalityCode })) } },
  });
  const result = await createAcademy(actorId, {
    regionId: region.id,
    fiscalYear: 2026,
    name,
    description: "",
    preLearningStartDate: "",
    firstSessionDate,
    startTime: "13:30",
    endTime: "17:00",
    intervalDays: 14,
    facilitatorIds,
    coordinatorIds: [actorId],
    acknowledgeWarnings: "yes",
  }, everyone);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return prisma.academy.findUniqueOrThrow({ where: { id: result.id }, include: { sessions: { orderBy: { sequence: "asc" } } } });
}

const sessionFields = (overrides: Record<string, string> = {}) => ({
  kind: "workshop",
  title: "",
  date: "2026-09-04",
  startTime: "13:30",
  endTime: "17:00",
  venueName: "姫路市役所 会議室",
  venueAddress: "",
  venueCapacity: "",
  onlineUrl: "",
  agenda: "",
  ...overrides,
});

describe("regions", () => {
  it("explains a wrong check digit and writes nothing", async () => {
    const { cookie } = await coordinatorCookie();
    const res = await caught(
      newRegionAction({ request: formRequest("/regions/new", { name: "播磨圏域", municipalityCodes: "282014, 282104" }, { cookie }), params: {}, context }),
    );
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors.municipalityCodes).toBe("lgCode.badCheckDigit");
    expect(res.data.params).toMatchObject({ given: "4", expected: "3", code: "282104" });
    expect(res.data.values.name).toBe("播磨圏域");
    expect(await prisma.region.count()).toBe(0);
  });

  it("creates a wide-area region from 5-digit codes and records it in the audit log", async () => {
    const { cookie, user } = await coordinatorCookie();
    const res = await caught(
      newRegionAction({ request: formRequest("/regions/new", { name: "播磨圏域", municipalityCodes: "28201 ２８２１０" }, { cookie }), params: {}, context }),
    );
    expect(res.status).toBe(302);
    const region = await prisma.region.findFirstOrThrow({ include: { members: true } });
    expect(region.members.map((m) => m.municipalityCode).sort()).toEqual(["282014", "282103"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "region.create" } });
    expect(audit.actorId).toBe(user.id);
    expect(JSON.parse(audit.after!).members).toEqual(["282014", "282103"]);
  });

  it("says on the next page that the region was created, saved, archived and restored", async () => {
    const { cookie } = await coordinatorCookie();
    const flashOf = async (res: { headers: Headers }) => (await readFlash(new Request("http://localhost/", { headers: { Cookie: (res.headers.get("Set-Cookie") ?? "").split(";")[0]! } }))).flash?.message;
    const created = await caught(newRegionAction({ request: formRequest("/regions/new", { name: "播磨圏域", municipalityCodes: "282014" }, { cookie }), params: {}, context }));
    const id = created.headers.get("Location")!.split("/").pop()!;
    expect(await flashOf(created)).toBe("region.created");
    const edit = (fields: Record<string, string>) => caught(regionAction({ request: formRequest(`/regions/${id}`, fields, { cookie }), params: { regionId: id }, context }));
    const saved = await edit({ name: "播磨圏域（西）", municipalityCodes: "282014" });
    // the page itself, not an address with a flag nothing reads
    expect(saved.headers.get("Location")).toBe(`/regions/${id}`);
    expect(await flashOf(saved)).toBe("region.saved");
    expect((await prisma.region.findUniqueOrThrow({ where: { id } })).name).toBe("播磨圏域（西）");
    expect(await flashOf(await edit({ intent: "archive" }))).toBe("region.archivedDone");
    expect(await flashOf(await edit({ intent: "restore" }))).toBe("region.restoredDone");
  });

  it("is out of reach for facilitators", async () => {
    const facilitator = await createUser("facilitator");
    const res = await caught(
      newRegionAction({ request: formRequest("/regions/new", { name: "x", municipalityCodes: "282014" }, { cookie: await sessionCookieFor(facilitator.id) }), params: {}, context }),
    );
    expect(res.status).toBe(403);
  });
});

describe("academies", () => {
  it("creates four sessions two weeks apart in Tokyo time", async () => {
    const { user } = await coordinatorCookie();
    const academy = await harimaAcademy(user.id, []);
    expect(academy.sessions.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-09-04T04:30:00.000Z",
      "2026-09-18T04:30:00.000Z",
      "2026-10-02T04:30:00.000Z",
      "2026-10-16T04:30:00.000Z",
    ]);
  });

  it("refuses a second academy for the same region and fiscal year, and impossible input", async () => {
    const { cookie, user } = await coordinatorCookie();
    const academy = await harimaAcademy(user.id, []);
    const base = { regionId: academy.regionId, fiscalYear: "2026", name: "重複", firstSessionDate: "2026-10-01", startTime: "13:30", endTime: "17:00", intervalDays: "14" };
    const duplicate = await caught(newAcademyAction({ request: formRequest("/academies/new", base, { cookie }), params: {}, context }));
    expect(duplicate.data.fieldErrors).toEqual({ fiscalYear: "academy.validation.duplicate" });
    const bad = await caught(
      newAcademyAction({ request: formRequest("/academies/new", { ...base, firstSessionDate: "2026-02-30", startTime: "24:00", fiscalYear: "abc", regionId: "nope" }, { cookie }), params: {}, context }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors).toMatchObject({ firstSessionDate: "validation.date", startTime: "validation.time", fiscalYear: "validation.fiscalYear" });
    expect(await prisma.academy.count()).toBe(1);
  });

  it("blocks creating an academy that double-books a facilitator", async () => {
    const { user } = await coordinatorCookie();
    const facilitator = await createUser("facilitator", { displayName: "佐藤 健一" });
    await harimaAcademy(user.id, [facilitator.id]);
    const region = await prisma.region.create({ data: { name: "千代田区", members: { create: [{ municipalityCode: "131016" }] } } });
    const result = await createAcademy(user.id, {
      regionId: region.id, fiscalYear: 2026, name: "千代田", description: "", preLearningStartDate: "",
      firstSessionDate: "2026-09-18", startTime: "14:00", endTime: "17:00", intervalDays: 14,
      facilitatorIds: [facilitator.id], coordinatorIds: [], acknowledgeWarnings: "yes",
    }, everyone);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues?.find((i) => i.level === "error")).toMatchObject({ code: "facilitatorDoubleBooked", sequence: 1, params: { name: "佐藤 健一", sequence: 2 } });
    // Someone who may not open the other academy reads "another academy", not its name.
    const blind = await createAcademy(user.id, {
      regionId: region.id, fiscalYear: 2026, name: "千代田", description: "", preLearningStartDate: "",
      firstSessionDate: "2026-09-18", startTime: "14:00", endTime: "17:00", intervalDays: 14,
      facilitatorIds: [facilitator.id], coordinatorIds: [], acknowledgeWarnings: "yes",
    }, { canSee: () => false });
    expect(!blind.ok && blind.issues?.find((i) => i.level === "error")).toEqual({ level: "error", code: "facilitatorDoubleBookedElsewhere", params: { name: "佐藤 健一" }, sequence: 1 });
    expect(await prisma.academy.count()).toBe(1);
  });

  it("asks before creating an academy whose first session is on a holiday or already past, then creates it", async () => {
    const { cookie, user } = await coordinatorCookie();
    const region = await prisma.region.create({ data: { name: "芦北町", members: { create: [{ municipalityCode: "434825" }] } } });
    // 2026-09-21 is 敬老の日, and lies before today (2026-11 in these tests' world or later).
    const fields = { regionId: region.id, fiscalYear: "2026", name: "芦北町データアカデミー", firstSessionDate: "2026-09-21", startTime: "13:30", endTime: "17:00", intervalDays: "14", coordinatorIds: user.id };
    const first = await caught(newAcademyAction({ request: formRequest("/academies/new", fields, { cookie }), params: {}, context }));
    expect(first.status).toBe(400);
    expect(first.data.needsAcknowledgement).toBe(true);
    expect(first.data.issues.filter((i: { sequence: number }) => i.sequence === 1).map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(["holiday", "inPast"]));
    expect(first.data.values.name).toBe("芦北町データアカデミー");
    expect(await prisma.academy.count()).toBe(0);
    const second = await caught(newAcademyAction({ request: formRequest("/academies/new", { ...fields, acknowledgeWarnings: "yes" }, { cookie }), params: {}, context }));
    expect(second.status).toBe(302);
    expect(await prisma.academy.count()).toBe(1);
  });

  it("allows only the defined status transitions", async () => {
    const { cookie, user } = await coordinatorCookie();
    const academy = await harimaAcademy(user.id, []);
    const jump = await caught(academyAction({ request: formRequest("/", { intent: "status", status: "finished" }, { cookie }), params: { academyId: academy.id }, context }));
    expect(jump.status).toBe(400);
    expect(jump.data.reason).toBe("academy.validation.transition");
    const ok = await caught(academyAction({ request: formRequest("/", { intent: "status", status: "recruiting" }, { cookie }), params: { academyId: academy.id }, context }));
    expect(ok.status).toBe(302);
    expect((await prisma.academy.findUniqueOrThrow({ where: { id: academy.id } })).status).toBe("recruiting");
  });
});

describe("editing a session", () => {
  it("warns about a public holiday and saves only once the warning is acknowledged", async () => {
    const { cookie, user } = await coordinatorCookie();
    const academy = await harimaAcademy(user.id, [], "2026-11-09");
    const session = academy.sessions[1]!; // 2026-11-23 is 勤労感謝の日
    const args = (extra: Record<string, string>) => ({
      request: formRequest("/", sessionFields({ date: "2026-11-23", ...extra }), { cookie }),
      params: { academyId: academy.id, sessionId: session.id },
      context,
    });
    const warned = await caught(editSessionAction(args({ venueName: "新しい会場" })));
    expect(warned.status).toBe(400);
    expect(warned.data.needsAcknowledgement).toBe(true);
    expect(warned.data.issues).toContainEqual({ level: "warning", code: "holiday", params: { name: "勤労感謝の日", nameEn: "Labor Thanksgiving Day" } });
    expect((await prisma.workshopSession.findUniqueOrThrow({ where: { id: session.id } })).venueName).toBe("");
    const saved = await caught(editSessionAction(args({ venueName: "新しい会場", acknowledgeWarnings: "yes" })));
    expect(saved.status).toBe(302);
    expect((await prisma.workshopSession.findUniqueOrThrow({ where: { id: session.id } })).venueName).toBe("新しい会場");
  });

  it("rejects 24:00, impossible dates, an end before the start and more than 8 hours", async () => {
    const { cookie, user } = await coordinatorCookie();
    const academy = await harimaAcademy(user.id, []);
    const run = (fields: Record<string, string>) =>
      caught(editSessionAction({ request: formRequest("/", sessionFields(fields), { cookie }), params: { academyId: academy.id, sessionId: academy.sessions[0]!.id }, context }));
    expect((await run({ startTime: "24:00" })).data.fieldErrors.startTime).toBe("validation.time");
    expect((await run({ date: "2026-02-30" })).data.fieldErrors.date).toBe("validation.date");
    expect((await run({ startTime: "17:00", endTime: "13:00" })).data.fieldErrors.endTime).toBe("schedule.issue.endBeforeStart");
    const long = await run({ startTime: "08:00", endTime: "17:30" });
    expect(long.data.issues.map((i: { code: string }) => i.code)).toContain("tooLong");
    expect(long.data.needsAcknowledgement).toBe(false);
  });

  it("blocks double-booking a facilitator across academies", async () => {
    const { cookie, user } = await coordinatorCookie();
    const facilitator = await createUser("facilitator");
    await harimaAcademy(user.id, [facilitator.id]);
    const region = await prisma.region.create({ data: { name: "千代田区", members: { create: [{ municipalityCode: "131016" }] } } });
    const other = await createAcademy(user.id, {
      regionId: region.id, fiscalYear: 2026, name: "千代田", description: "", preLearningStartDate: "",
      firstSessionDate: "2026-09-07", startTime: "14:00", endTime: "17:00", intervalDays: 14,
      facilitatorIds: [facilitator.id], coordinatorIds: [], acknowledgeWarnings: "yes",
    }, everyone);
    if (!other.ok) throw new Error("setup");
    const target = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: other.id, sequence: 1 } });
    const res = await caught(
      editSessionAction({
        request: formRequest("/", { ...sessionFields({ date: "2026-09-04", startTime: "14:00", endTime: "17:00", venueName: "千代田区役所" }), facilitatorIds: facilitator.id, acknowledgeWarnings: "yes" }, { cookie }),
        params: { academyId: other.id, sessionId: target.id },
        context,
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.issues.map((i: { code: string }) => i.code)).toContain("facilitatorDoubleBooked");
    expect((await prisma.workshopSession.findUniqueOrThrow({ where: { id: target.id } })).startsAt.toISOString()).toBe("2026-09-07T05:00:00.000Z");
  });

  it("lets a facilitator edit their academy's sessions but not another academy's, and never a participant", async () => {
    const { user } = await coordinatorCookie();
    const mine = await createUser("facilitator");
    const academy = await harimaAcademy(user.id, [mine.id]);
    const otherFacilitator = await createUser("facilitator");
    const participant = await createUser("participant");
    await createTeam(academy.id, "T", [participant.id]);
    const load = async (userId: string) =>
      caught(editSessionLoader({ request: getRequest("/", { cookie: await sessionCookieFor(userId) }), params: { academyId: academy.id, sessionId: academy.sessions[0]!.id }, context }));
    const own = await load(mine.id);
    expect(own.status).toBe(200);
    expect(own.data.session.id).toBe(academy.sessions[0]!.id);
    expect(own.data.facilitators.map((f: { id: string }) => f.id)).toContain(mine.id);
    expect((await load(otherFacilitator.id)).status).toBe(404);
    expect((await load(participant.id)).status).toBe(403);
  });

  it("answers 404 for a session id of another academy in the URL", async () => {
    const { cookie, user } = await coordinatorCookie();
    const a = await harimaAcademy(user.id, []);
    const region = await prisma.region.create({ data: { name: "芦北町", members: { create: [{ municipalityCode: "434825" }] } } });
    const b = await createAcademy(user.id, {
      regionId: region.id, fiscalYear: 2026, name: "芦北", description: "", preLearningStartDate: "",
      firstSessionDate: "2026-09-10", startTime: "13:30", endTime: "17:00", intervalDays: 14, facilitatorIds: [], coordinatorIds: [], acknowledgeWarnings: "yes",
    }, everyone);
    if (!b.ok) throw new Error("setup");
    const res = await caught(editSessionAction({ request: formRequest("/", sessionFields(), { cookie }), params: { academyId: b.id, sessionId: a.sessions[0]!.id }, context }));
    expect(res.status).toBe(404);
  });
});

describe("teams and regions by the wrong people", () => {
  it("shows a participant their own team only, and lets nobody but coordinators change teams or regions", async () => {
    const { user } = await coordinatorCookie();
    const academy = await harimaAcademy(user.id, []);
    const me = await createUser("participant");
    const other = await createUser("participant");
    const mine = await createTeam(academy.id, "A", [me.id]);
    const theirs = await createTeam(academy.id, "B", [other.id]);
    const cookie = await sessionCookieFor(me.id);
    const { loader: teamLoader, action: teamAction } = await import("./academies.$academyId.teams.$teamId._index");
    const { loader: regionLoader } = await import("./regions.$regionId");
    const own = await caught(teamLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id, teamId: mine.id }, context }));
    expect(own.data.team.name).toBe("A");
    expect(own.data.canManage).toBe(false);
    expect((await caught(teamLoader({ request: getRequest("/", { cookie }), params: { academyId: academy.id, teamId: theirs.id }, context }))).status).toBe(404);
    const add = await caught(
      teamAction({
        request: formRequest("/", { intent: "addMember", displayName: "侵入 者", email: "x@example.jp", department: "x", teamRole: "other" }, { cookie }),
        params: { academyId: academy.id, teamId: mine.id },
        context,
      }),
    );
    expect(add.status).toBe(403);
    expect(await prisma.teamMember.count({ where: { teamId: mine.id } })).toBe(1);
    expect((await caught(regionLoader({ request: getRequest("/", { cookie }), params: { regionId: academy.regionId }, context }))).status).toBe(403);
  });
});
