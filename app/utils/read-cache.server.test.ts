import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/dates";
import { dashboardCharts } from "~/modules/dashboard/charts.server";
import { kpiReport } from "~/modules/kpi/report.server";
import { attentionItems } from "~/modules/dashboard/attention.server";
import { keptRead, noteTransactionEnd, noteTransactionStart, noteWrite, noteWriteToEverything } from "./read-cache.server";
import { tablesWritten } from "./db.server";
import { deleteReach, referencesOf } from "./cascades.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";

let n = 0;
const key = () => `test-${++n}`;

describe("what a delete reaches", () => {
  const schema = `
model Academy {
  id String @id
}
model Team {
  id        String  @id
  academyId String
  academy   Academy @relation(fields: [academyId], references: [id], onDelete: Cascade)
  leadId    String?
  lead      User?   @relation("teamLead", fields: [leadId], references: [id])
}
model TeamMember {
  teamId String
  team   Team @relation(fields: [teamId], references: [id], onDelete: Cascade)
  userId String
  user   User @relation(fields: [userId], references: [id], onDelete: Restrict)
}
model User {
  id String @id
  teamsLed Team[] @relation("teamLead")
}`;
  it("follows cascades down, stops at set-null (the default of an optional relation), and ignores restrict", () => {
    const reach = deleteReach(referencesOf(schema));
    expect([...reach("Academy")].sort()).toEqual(["Academy", "Team", "TeamMember"]);
    expect([...reach("User")].sort()).toEqual(["Team", "User"]);
    expect([...reach("TeamMember")]).toEqual(["TeamMember"]);
  });
});

describe("kept reads", () => {
  it("keep a value until a table it reads is written; other tables do not matter", async () => {
    const k = key();
    const compute = vi.fn(async () => ({ n: compute.mock.calls.length }));
    expect(await keptRead(k, ["Team"], compute)).toEqual({ n: 1 });
    expect(await keptRead(k, ["Team"], compute)).toEqual({ n: 1 });
    noteWrite(["Deliverable"]);
    expect(await keptRead(k, ["Team"], compute)).toEqual({ n: 1 });
    noteWrite(["Team"]);
    expect(await keptRead(k, ["Team"], compute)).toEqual({ n: 2 });
    noteWriteToEverything();
    expect(await keptRead(k, ["Team"], compute)).toEqual({ n: 3 });
  });

  it("a commit marks again what was written since its transaction started (others saw the old rows meanwhile)", async () => {
    const k = key();
    let calls = 0;
    const compute = async () => ++calls;
    const started = noteTransactionStart();
    noteWrite(["Attendance"]);
    await keptRead(k, ["Attendance"], compute); // counted before the commit: old rows
    expect(calls).toBe(1);
    noteTransactionEnd(started);
    await keptRead(k, ["Attendance"], compute);
    expect(calls).toBe(2);
    // a transaction that wrote nothing forgets nothing
    const idle = noteTransactionStart();
    noteTransactionEnd(idle);
    await keptRead(k, ["Attendance"], compute);
    expect(calls).toBe(2);
  });

  it("know from the operation which tables a write touches: nested writes name their tables, deletes and set reach everything", () => {
    const models = (prisma as unknown as { _runtimeDataModel: { models: Parameters<typeof tablesWritten>[0] } })._runtimeDataModel.models;
    expect(tablesWritten(models, "Team", "findMany", {})).toBeNull();
    expect(tablesWritten(models, "Team", "update", { where: { id: "t" }, data: { name: "x" } })).toEqual(["Team"]);
    expect(new Set(tablesWritten(models, "Team", "create", { data: { name: "x", members: { create: [{ enrollmentId: "e" }] } } }) as string[])).toEqual(new Set(["Team", "TeamMember"]));
    expect(new Set(tablesWritten(models, "Consultation", "update", { where: { id: "c" }, data: { experts: { deleteMany: {}, create: [] } } }))).toEqual(new Set(["Consultation", "ConsultationExpert"]));
    // a delete writes what the schema cascades it to, and no more
    expect(tablesWritten(models, "TeamMember", "delete", { where: { id: "m" } })).toEqual(["TeamMember"]);
    const academyDelete = tablesWritten(models, "Academy", "delete", { where: { id: "a" } }) ?? [];
    for (const table of ["Academy", "WorkshopSession", "Attendance", "Enrollment", "Team", "TeamMember", "Deliverable"]) expect(academyDelete).toContain(table);
    expect(academyDelete).not.toContain("Municipality");
    expect(tablesWritten(models, "Attendance", "upsert", { where: {}, create: { status: "present" }, update: { status: "late" } })).toEqual(["Attendance"]);
  });

  it("share one computation between requests arriving together, keep at most the age limit, and keep no failure", async () => {
    const k = key();
    let calls = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 20));
    const [a, b] = await Promise.all([keptRead(k, ["Team"], slow), keptRead(k, ["Team"], slow)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await keptRead(k, ["Team"], slow, 0)).toBe(2);
    const failing = key();
    await expect(keptRead(failing, ["Team"], () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await keptRead(failing, ["Team"], async () => "fine")).toBe("fine");
  });
});

describe("figures kept from the real database", () => {
  it("the dashboard's charts and the KPI report change as soon as something they count is written, also in a transaction that rolls back", async () => {
    const fy = fiscalYearOf(new Date());
    const DAY = 86_400_000;
    const academy = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, fiscalYear: fy, name: "播磨アカデミー", sessionStarts: [new Date(Date.now() - DAY)] });
    const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: academy.id } });
    const person = await createUser("participant");
    const enrollment = await enroll(academy.id, person.id, "participant");
    const attended = async () => (await dashboardCharts(fy, new Date())).attendance.find((a) => a.sequence === 1)?.attended ?? 0;
    const participants = async () => (await kpiReport({ fiscalYear: fy, quarter: null, groupBy: "prefecture" })).total.participants;

    const before = await attended();
    const participantsBefore = await participants();
    await prisma.attendance.create({ data: { sessionId: session.id, enrollmentId: enrollment.id, status: "present" } });
    expect(await attended()).toBe(before + 1);

    // a participant withdrawn: the KPI report counts one fewer at once
    await prisma.enrollment.update({ where: { id: enrollment.id }, data: { status: "withdrawn" } });
    expect(await participants()).toBe(participantsBefore - 1);

    // read while a transaction had written, then rolled back: not kept
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.attendance.update({ where: { sessionId_enrollmentId: { sessionId: session.id, enrollmentId: enrollment.id } }, data: { status: "absent" } });
        throw new Error("halfway");
      }),
    ).rejects.toThrow("halfway");
    expect(await attended()).toBe(before + 1);

    // deleted rows (cascading from the academy) are gone from the figures
    await prisma.academy.delete({ where: { id: academy.id } });
    expect(await attended()).toBe(before);
  });

  it("a delete forgets only the figures that count what it cascades to: a team member's removal keeps the KPI report, a withdrawn enrollment's deletion does not", async () => {
    const fy = fiscalYearOf(new Date());
    const academy = await createAcademy({ regionId: (await createRegion("但馬圏域", ["282090"])).id, fiscalYear: fy, name: "但馬アカデミー", sessionStarts: [new Date(Date.now() - 86_400_000)] });
    const people = [await createUser("participant"), await createUser("participant")];
    const enrollments = [];
    for (const person of people) enrollments.push(await enroll(academy.id, person.id, "participant"));
    await createTeam(academy.id, "豊岡チーム", people.map((p) => p.id));
    const report = () => kpiReport({ fiscalYear: fy, quarter: null, groupBy: "prefecture" });
    const kept = await report();
    expect(await report()).toBe(kept);

    await prisma.teamMember.deleteMany({ where: { enrollmentId: enrollments[0]!.id } });
    expect(await report()).toBe(kept); // not counted again: nothing it counts was written

    await prisma.enrollment.delete({ where: { id: enrollments[1]!.id } });
    const counted = await report();
    expect(counted).not.toBe(kept);
    expect(counted.total.participants).toBe(kept.total.participants - 1);
  });

  it("the first screen's to-do list is kept for everyone with the same view, and a session in need of a facilitator appears on it at once", async () => {
    const coordinator = { permissions: ["read:academy:any"], enrollments: [] };
    const kept = await attentionItems(coordinator, new Date());
    expect(await attentionItems(coordinator, new Date())).toBe(kept);
    const needing = (items: Awaited<ReturnType<typeof attentionItems>>) => items.find((i) => i.kind === "sessionNoFacilitator")?.total ?? 0;
    await createAcademy({ regionId: (await createRegion("淡路圏域", ["282260"])).id, name: "淡路アカデミー", sessionStarts: [new Date(Date.now() + 3 * 86_400_000)] });
    const after = await attentionItems(coordinator, new Date());
    expect(needing(after)).toBe(needing(kept) + 1);
    // a facilitator who runs no academy sees a list of their own, not the coordinator's
    expect(needing(await attentionItems({ permissions: [], enrollments: [] }, new Date()))).toBe(0);
  });
});
