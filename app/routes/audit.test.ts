import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loader as auditLoader } from "./audit";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";
import { recordAudit } from "~/modules/audit/audit.server";

const load = async (cookie: string, query = "") => caught(auditLoader({ request: getRequest(`/audit${query}`, { cookie }), params: {}, context }));

describe("the audit log", () => {
  it("shows names and the fields that changed, not ids and JSON", async () => {
    const coordinator = await createUser("coordinator", { displayName: "山田 花子" });
    const facilitator = await createUser("facilitator", { displayName: "佐藤 健一" });
    const academy = await createAcademy({ regionId: (await createRegion("芦北町", ["434825"])).id, name: "芦北町データアカデミー" });
    await recordAudit({
      actorId: coordinator.id,
      action: "academy.update",
      entityType: "academy",
      entityId: academy.id,
      before: { name: "芦北町", staff: [] },
      after: { name: "芦北町データアカデミー", staff: [{ userId: facilitator.id, role: "facilitator" }] },
    });
    const res = await load(await sessionCookieFor(coordinator.id));
    const event = res.data.log.events.find((e: { action: string }) => e.action === "academy.update");
    expect(event.actor.displayName).toBe("山田 花子");
    expect(event.entity).toEqual({ name: "芦北町データアカデミー" });
    expect(event.changes).toEqual([
      { field: "name", before: "芦北町", after: "芦北町データアカデミー" },
      { field: "staff", before: null, after: "佐藤 健一 (@role:facilitator)" },
    ]);
  });

  it("names a session next to an academy on the same page (attendance is recorded against the session)", async () => {
    const coordinator = await createUser("coordinator");
    const academy = await createAcademy({ regionId: (await createRegion("芦北町", ["434825"])).id, name: "芦北町データアカデミー", sessionStarts: [new Date(Date.now() + 86400_000)] });
    const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
    await recordAudit({ actorId: coordinator.id, action: "academy.update", entityType: "academy", entityId: academy.id, after: { name: "芦北町データアカデミー" } });
    await recordAudit({ actorId: coordinator.id, action: "attendance.update", entityType: "session", entityId: session.id, before: { status: "absent" }, after: { status: "present" } });
    const res = await load(await sessionCookieFor(coordinator.id));
    expect(res.status).toBe(200);
    const event = res.data.log.events.find((e: { action: string }) => e.action === "attendance.update");
    expect(event.entity).toEqual({ name: "芦北町データアカデミー", sequence: 1 });
  });

  it("filters by academy, by what and by who, and keeps sign-ins on their own tab", async () => {
    const coordinator = await createUser("coordinator", { displayName: "山田 花子" });
    const cookie = await sessionCookieFor(coordinator.id);
    const a = await createAcademy({ regionId: (await createRegion("芦北町", ["434825"])).id, name: "A" });
    const b = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id, name: "B" });
    const teamA = await createTeam(a.id, "Aチーム", []);
    await recordAudit({ actorId: coordinator.id, action: "team.update", entityType: "team", entityId: teamA.id, after: { name: "Aチーム" } });
    await recordAudit({ actorId: null, action: "academy.status", entityType: "academy", entityId: b.id, after: { status: "running" } });
    await recordAudit({ actorId: coordinator.id, action: "auth.sign_in", entityType: "user", entityId: coordinator.id });
    await prisma.loginAttempt.create({ data: { email: "someone@example.jp", ipAddress: "192.0.2.1", succeeded: false } });

    const byAcademy = await load(cookie, `?academy=${encodeURIComponent("A")}`);
    expect(byAcademy.data.log.events.map((e: { action: string }) => e.action)).toEqual(["team.update"]);
    const byWhat = await load(cookie, "?what=academy");
    expect(byWhat.data.log.events.map((e: { action: string }) => e.action)).toEqual(["academy.status"]);
    const byWho = await load(cookie, "?who=山田");
    expect(byWho.data.log.events.map((e: { action: string }) => e.action)).toEqual(["team.update"]);
    const signIns = await load(cookie, "?tab=signins");
    expect(signIns.data.signIns.attempts).toEqual([expect.objectContaining({ email: "someone@example.jp", succeeded: false })]);
  });

  it("is closed to facilitators and participants", async () => {
    const facilitator = await createUser("facilitator");
    expect((await load(await sessionCookieFor(facilitator.id))).status).toBe(403);
  });
});

describe("a national audit log", () => {
  it("counts up to 10,000 events and then says there are more, still paging the newest first", async () => {
    const coordinator = await createUser("coordinator");
    const base = Date.now() - 86400_000;
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 10_050 }, (_, i) => ({ actorId: coordinator.id, action: i % 201 === 0 ? "academy.update" : "team.update", entityType: "team", entityId: `t${i}`, createdAt: new Date(base + i * 1000) })),
    });
    const cookie = await sessionCookieFor(coordinator.id);
    const all = await load(cookie);
    expect(all.data.log).toMatchObject({ total: 10_000, totalIsCapped: true, pages: 200 });
    expect(all.data.log.events[0].createdAt.getTime()).toBe(base + 10_049 * 1000);
    // a filter narrows it below the cap: counted exactly again
    const narrowed = await load(cookie, "?what=academy");
    expect(narrowed.data.log).toMatchObject({ total: 50, totalIsCapped: false, pages: 1 });
  });
});
