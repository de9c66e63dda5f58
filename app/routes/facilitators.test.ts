import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fromTokyo } from "~/utils/dates";
import { action as academyAction, loader as academyLoader } from "./academies.$academyId.facilitators";
import { action as sessionAction } from "./academies.$academyId.sessions.$sessionId.edit";
import { loader as poolLoader } from "./facilitators._index";
import { loader as historyLoader } from "./facilitators.$userId";
import { createAcademy, createRegion, createUser, enroll } from "../../tests/support/factories";
import { caught, context, formRequest, getRequest, sessionCookieFor } from "../../tests/support/requests";

// Growing local facilitators: a trainee goes from observer to co-facilitator to lead in an
// academy, each session records who took which part (nobody in two places at once), and
// coordinators search everyone who has facilitated or trained, across regions.

async function world() {
  const lead = await createUser("facilitator", { displayName: "佐藤 健一" });
  const trainee = await createUser("participant", { displayName: "小林 由美", municipalityCode: "282014", department: "情報政策室" });
  const starts = [fromTokyo(2026, 12, 9, 13, 30), fromTokyo(2026, 12, 23, 13, 30)];
  const academy = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, facilitatorIds: [lead.id, trainee.id], sessionStarts: starts });
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
  for (const s of sessions) await prisma.sessionFacilitator.create({ data: { sessionId: s.id, userId: lead.id } });
  // someone who facilitates in Tokyo at the time of session 1
  const busy = await createUser("facilitator", { displayName: "中村 美咲" });
  const tokyo = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, facilitatorIds: [busy.id], sessionStarts: [fromTokyo(2026, 12, 9, 14, 0)] });
  const tokyoSession = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: tokyo.id } });
  await prisma.sessionFacilitator.create({ data: { sessionId: tokyoSession.id, userId: busy.id } });
  await enroll(academy.id, busy.id, "facilitator");
  const traineeEnrollment = await prisma.enrollment.findUniqueOrThrow({ where: { academyId_userId: { academyId: academy.id, userId: trainee.id } } });
  return {
    academy,
    tokyo,
    sessions,
    tokyoSession,
    lead,
    trainee,
    busy,
    traineeEnrollment,
    coordinator: await sessionCookieFor((await createUser("coordinator")).id),
    asLead: await sessionCookieFor(lead.id),
    asBusy: await sessionCookieFor(busy.id),
    asTrainee: await sessionCookieFor(trainee.id),
    asParticipant: await sessionCookieFor((await createUser("participant")).id),
  };
}

type World = Awaited<ReturnType<typeof world>>;
const post = (w: World, cookie: string, fields: Record<string, string>) =>
  caught(academyAction({ request: formRequest(`/academies/${w.academy.id}/facilitators`, fields, { cookie }), params: { academyId: w.academy.id }, context }));
const roles = async (sessionId: string) =>
  Object.fromEntries((await prisma.sessionFacilitator.findMany({ where: { sessionId }, include: { user: true } })).map((f) => [f.user.displayName, f.role]));

describe("growing local facilitators", () => {
  it("marks a trainee's level and records who took which part, refusing someone who is elsewhere", async () => {
    const w = await world();
    const page = (await caught(academyLoader({ request: getRequest("/x", { cookie: w.asLead }), params: { academyId: w.academy.id }, context }))).data;
    expect(page.canEdit).toBe(false);
    expect(page.staff.map((s: { user: { displayName: string } }) => s.user.displayName).sort()).toEqual(["中村 美咲", "佐藤 健一", "小林 由美"].sort());
    // a facilitator reads it but cannot change it; another academy's facilitator does not see it
    expect((await post(w, w.asLead, { intent: "level", enrollmentId: w.traineeEnrollment.id, trainingLevel: "observer" })).status).toBe(403);
    expect((await caught(academyLoader({ request: getRequest("/x", { cookie: w.asParticipant }), params: { academyId: w.academy.id }, context }))).status).toBe(404);

    expect((await post(w, w.coordinator, { intent: "level", enrollmentId: w.traineeEnrollment.id, trainingLevel: "apprentice" })).data.reason).toBe("facilitator.validation.level");
    expect((await post(w, w.coordinator, { intent: "level", enrollmentId: w.traineeEnrollment.id, trainingLevel: "observer" })).status).toBe(302);
    expect((await prisma.enrollment.findUniqueOrThrow({ where: { id: w.traineeEnrollment.id } })).trainingLevel).toBe("observer");
    // another academy's enrollment cannot be changed from here
    const elsewhere = await prisma.enrollment.findFirstOrThrow({ where: { academyId: w.tokyo.id } });
    expect((await post(w, w.coordinator, { intent: "level", enrollmentId: elsewhere.id, trainingLevel: "lead" })).data.reason).toBe("facilitator.error.notStaff");

    const [s1, s2] = w.sessions as [(typeof w.sessions)[0], (typeof w.sessions)[0]];
    const cell = (s: { id: string }, u: { id: string }) => `role.${s.id}.${u.id}`;
    // the busy facilitator leads in Tokyo during session 1: nothing is saved
    const clash = await post(w, w.coordinator, { intent: "assign", [cell(s1, w.lead)]: "lead", [cell(s1, w.trainee)]: "observer", [cell(s1, w.busy)]: "co_facilitator", [cell(s2, w.lead)]: "lead" });
    expect(clash.status).toBe(400);
    expect(clash.data.issues).toMatchObject([{ code: "facilitatorDoubleBooked", sequence: 1, params: { name: "中村 美咲" } }]);
    expect(clash.data.values[cell(s1, w.trainee)]).toBe("observer");
    expect(await roles(s1.id)).toEqual({ "佐藤 健一": "lead" });
    // a session or person of another academy is refused
    expect((await post(w, w.coordinator, { intent: "assign", [cell(w.tokyoSession, w.lead)]: "lead" })).data.reason).toBe("facilitator.error.unknownCell");
    expect((await post(w, w.coordinator, { intent: "assign", [cell(s1, w.lead)]: "boss" })).data.reason).toBe("facilitator.error.unknownRole");

    expect((await post(w, w.coordinator, { intent: "assign", [cell(s1, w.lead)]: "lead", [cell(s1, w.trainee)]: "observer", [cell(s2, w.lead)]: "co_facilitator", [cell(s2, w.trainee)]: "lead" })).status).toBe(302);
    expect(await roles(s1.id)).toEqual({ "佐藤 健一": "lead", "小林 由美": "observer" });
    expect(await roles(s2.id)).toEqual({ "佐藤 健一": "co_facilitator", "小林 由美": "lead" });
    expect(await prisma.auditEvent.count({ where: { action: "academy.session_roles", entityId: w.academy.id } })).toBe(1);

    // editing the session elsewhere keeps the parts; a trainee newly added takes their level's part
    await prisma.enrollment.update({ where: { id: w.traineeEnrollment.id }, data: { trainingLevel: "co_facilitator" } });
    await post(w, w.coordinator, { intent: "assign", [cell(s1, w.lead)]: "lead", [cell(s2, w.lead)]: "co_facilitator", [cell(s2, w.trainee)]: "lead" });
    expect(await roles(s1.id)).toEqual({ "佐藤 健一": "lead" });
    const request = formRequest("/x", { kind: "workshop", date: "2026-12-09", startTime: "13:30", endTime: "17:00", facilitatorIds: w.lead.id, acknowledgeWarnings: "yes" }, { cookie: w.coordinator });
    const body = await request.formData();
    body.append("facilitatorIds", w.trainee.id);
    const edit = await caught(
      sessionAction({
        request: new Request(request.url, { method: "POST", body, headers: { Cookie: w.coordinator } }),
        params: { academyId: w.academy.id, sessionId: s1.id },
        context,
      }),
    );
    expect(edit.status).toBe(302);
    expect(await roles(s1.id)).toEqual({ "佐藤 健一": "lead", "小林 由美": "co_facilitator" });
  });

  it("finds facilitators across regions by experience, training and prefecture, for coordinators only", async () => {
    const w = await world();
    const [s1, s2] = w.sessions as [(typeof w.sessions)[0], (typeof w.sessions)[0]];
    await prisma.enrollment.update({ where: { id: w.traineeEnrollment.id }, data: { trainingLevel: "co_facilitator", trainingLevelAt: new Date() } });
    await prisma.sessionFacilitator.createMany({ data: [{ sessionId: s1.id, userId: w.trainee.id, role: "observer" }, { sessionId: s2.id, userId: w.trainee.id, role: "co_facilitator" }] });
    const pool = async (query = "", cookie = w.coordinator) => caught(poolLoader({ request: getRequest(`/facilitators${query}`, { cookie }), params: {}, context }));
    expect((await pool("", w.asLead)).status).toBe(403);
    expect((await pool("", w.asParticipant)).status).toBe(403);
    const all = (await pool()).data;
    expect(all.people.map((p: { displayName: string; led: number; coFacilitated: number; observed: number }) => [p.displayName, p.led, p.coFacilitated, p.observed])).toEqual([
      ["佐藤 健一", 2, 0, 0],
      ["中村 美咲", 1, 0, 0],
      ["小林 由美", 0, 1, 1],
    ]);
    expect(all.total).toBe(3);
    const names = async (query: string) => (await pool(query)).data.people.map((p: { displayName: string }) => p.displayName);
    expect(await names("?level=trained")).toEqual(["小林 由美"]);
    expect(await names("?level=co_facilitator")).toEqual(["小林 由美"]);
    expect(await names("?level=lead")).toEqual([]);
    expect(await names("?level=untrained")).toEqual(["佐藤 健一", "中村 美咲"]);
    // 東京都 (13): 中村 facilitated in 千代田区; nobody else lives or worked there
    expect(await names("?prefecture=13")).toEqual(["中村 美咲"]);
    expect(await names("?prefecture=28")).toEqual(["佐藤 健一", "小林 由美"]);
    expect(await names("?minLed=2")).toEqual(["佐藤 健一"]);
    expect(await names("?q=情報政策")).toEqual(["小林 由美"]);
    expect(await names("?q=%25")).toEqual([]);
    expect((await pool("?page=9")).data).toMatchObject({ people: [], total: 3 });
    // nonsense filters are ignored, not errors
    expect((await pool("?level=god&minLed=-4&prefecture=x")).data.total).toBe(3);

    const history = (await caught(historyLoader({ request: getRequest("/x", { cookie: w.coordinator }), params: { userId: w.trainee.id }, context }))).data;
    expect(history.enrollments).toMatchObject([{ trainingLevel: "co_facilitator", academy: { id: w.academy.id } }]);
    expect(history.sessions.map((s: { role: string; session: { sequence: number } }) => [s.session.sequence, s.role])).toEqual([
      [2, "co_facilitator"],
      [1, "observer"],
    ]);
    // a plain participant has no facilitator history to show
    const participant = await prisma.user.findFirstOrThrow({ where: { enrollments: { none: {} }, roles: { none: {} } } });
    expect((await caught(historyLoader({ request: getRequest("/x", { cookie: w.coordinator }), params: { userId: participant.id }, context }))).status).toBe(404);
  });
});
