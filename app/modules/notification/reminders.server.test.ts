import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import { createAcademy, createRegion, createTeam, createUser } from "../../../tests/support/factories";
import { droppedMail } from "../../../tests/support/mail";
import { announceReleases, sendDeliverableReminders } from "./reminders.server";

const HOUR = 3600_000;

async function world() {
  const region = await createRegion("播磨圏域", ["282014"]);
  const facilitator = await createUser("facilitator");
  const [a1, a2, b1, c1, withdrawn] = await Promise.all([1, 2, 3, 4, 5].map(() => createUser("participant")));
  const now = new Date();
  // session 2 starts in 30 hours: the problem definition is due at 23:59 the day before
  const academy = await createAcademy({ regionId: region.id, facilitatorIds: [facilitator.id], sessionStarts: [new Date(now.getTime() - 13 * 24 * HOUR), new Date(now.getTime() + 30 * HOUR)] });
  await prisma.academy.update({ where: { id: academy.id }, data: { status: "running" } });
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
  const dueAt = new Date(now.getTime() + 2 * HOUR);
  await prisma.stage.update({ where: { id: stage.id }, data: { dueAt } });
  const open = await createTeam(academy.id, "未提出チーム", [a1!.id, a2!.id, withdrawn!.id]);
  await prisma.enrollment.updateMany({ where: { userId: withdrawn!.id }, data: { status: "withdrawn" } });
  const handedIn = await createTeam(academy.id, "提出済みチーム", [b1!.id]);
  await prisma.deliverable.create({ data: { teamId: handedIn.id, stageId: stage.id, status: "submitted", latestVersion: 1 } });
  const extended = await createTeam(academy.id, "延長チーム", [c1!.id]);
  await prisma.stageExtension.create({ data: { teamId: extended.id, stageId: stage.id, dueAt: new Date(now.getTime() + 72 * HOUR) } });
  return { academy, stage, open, users: { a1: a1!, a2: a2!, b1: b1!, c1: c1!, withdrawn: withdrawn!, facilitator } };
}

describe("deliverable reminders", () => {
  it("reach every active member of a team that has not handed in, once, in the app and by mail", async () => {
    const w = await world();
    expect(await sendDeliverableReminders()).toBe(2);
    const reminded = await prisma.notification.findMany({ where: { kind: "due_reminder" }, select: { userId: true, link: true } });
    expect(reminded.map((n) => n.userId).sort()).toEqual([w.users.a1.id, w.users.a2.id].sort());
    expect(reminded[0]!.link).toBe(`/academies/${w.academy.id}/teams/${w.open.id}/stages/${w.stage.id}`);
    expect(droppedMail(undefined, w.users.a1.email)[0]!.subject).toContain("課題の設定");
    expect(droppedMail(undefined, w.users.b1.email)).toEqual([]);
    // a second run, or a restarted server, sends nothing again
    expect(await sendDeliverableReminders()).toBe(0);
    expect(await prisma.notification.count({ where: { kind: "due_reminder" } })).toBe(2);
  });

  it("wait until the due date is within a day, and never after it", async () => {
    const w = await world();
    expect(await sendDeliverableReminders(new Date(Date.now() - 23 * HOUR))).toBe(0);
    expect(await sendDeliverableReminders(new Date(Date.now() + 3 * HOUR))).toBe(0);
    expect(await prisma.reminderLog.count({ where: { academyId: w.academy.id } })).toBe(0);
  });

  it("two servers running the job at once send one reminder per person", async () => {
    await world();
    const results = await Promise.all([sendDeliverableReminders(), sendDeliverableReminders()]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await prisma.notification.count({ where: { kind: "due_reminder" } })).toBe(2);
  });
});

describe("release announcements", () => {
  it("tell participants of a participant material and only staff of a facilitator guide, once", async () => {
    const w = await world();
    await syncCatalogue(prisma);
    const [handout, guide] = await Promise.all([
      prisma.material.findFirstOrThrow({ where: { audience: "participant", stageKey: "problem_definition" } }),
      prisma.material.findFirstOrThrow({ where: { audience: "facilitator" } }),
    ]);
    const justNow = new Date(Date.now() - HOUR);
    await prisma.academyMaterial.createMany({
      data: [
        { academyId: w.academy.id, materialId: handout.id, stageId: w.stage.id, releaseAt: justNow },
        { academyId: w.academy.id, materialId: guide.id, stageId: w.stage.id, releaseAt: justNow },
      ],
    });
    expect(await announceReleases()).toBeGreaterThan(0);
    const about = async (userId: string) => (await prisma.notification.findMany({ where: { userId, kind: "new_release" }, select: { params: true } })).map((n) => JSON.parse(n.params).title);
    expect(await about(w.users.a1.id)).toEqual([handout.title]);
    expect((await about(w.users.facilitator.id)).sort()).toEqual([handout.title, guide.title].sort());
    expect(await about(w.users.withdrawn.id)).toEqual([]);
    expect(await announceReleases()).toBe(0);
  });

  it("do not announce what is not released yet or was released long ago", async () => {
    const w = await world();
    await syncCatalogue(prisma);
    const [m1, m2] = await prisma.material.findMany({ where: { audience: "participant" }, take: 2 });
    await prisma.academyMaterial.createMany({
      data: [
        { academyId: w.academy.id, materialId: m1!.id, releaseAt: new Date(Date.now() + HOUR) },
        { academyId: w.academy.id, materialId: m2!.id, releaseAt: new Date(Date.now() - 10 * 24 * HOUR) },
      ],
    });
    expect(await announceReleases()).toBe(0);
    expect(await prisma.notification.count()).toBe(0);
  });
});
