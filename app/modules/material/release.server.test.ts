import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { syncCatalogue } from "./catalogue-sync.server";
import { attachCurriculum, releaseStageNow, setRelease } from "./release.server";
import { updateSession, createSession } from "~/modules/schedule/session.server";
import { updateStage, addStage } from "~/modules/stage/stage.server";
import { updateAcademy } from "~/modules/academy/academy.server";
import { createAcademy, createRegion, createUser } from "../../../tests/support/factories";
import { fromTokyo } from "~/utils/dates";

async function academyWithCurriculum() {
  await syncCatalogue(prisma);
  const coordinator = await createUser("coordinator");
  const region = await createRegion("芦北町", ["434825"]);
  const academy = await createAcademy({
    regionId: region.id,
    sessionStarts: [fromTokyo(2026, 9, 4, 13, 30), fromTokyo(2026, 9, 18, 13, 30), fromTokyo(2026, 10, 2, 13, 30), fromTokyo(2026, 10, 16, 13, 30)],
  });
  await attachCurriculum(coordinator.id, academy.id);
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
  const releaseOf = async (key: string) =>
    (await prisma.academyMaterial.findFirstOrThrow({ where: { academyId: academy.id, material: { key } }, include: { stage: true } }));
  return { coordinator, academy, sessions, releaseOf };
}

const everyone = { canSee: () => true };
const sessionInput = (date: string) => ({
  kind: "workshop" as const, title: "", date, startTime: "13:30", endTime: "17:00", venueName: "芦北町役場", venueAddress: "",
  venueCapacity: null, onlineUrl: "", agenda: "", homework: "", facilitatorIds: [], acknowledgeWarnings: "yes",
});

describe("releases follow the schedule", () => {
  it("puts each curriculum item on its stage, 7 days before that stage's session", async () => {
    const { releaseOf } = await academyWithCurriculum();
    const handout = await releaseOf("session1-participant");
    expect(handout.stage?.key).toBe("problem_definition");
    expect(handout.releaseMode).toBe("relative");
    expect(handout.releaseAt).toEqual(fromTokyo(2026, 8, 28, 13, 30));
    expect((await releaseOf("worksheet-kpt")).stage?.key).toBe("retrospective");
  });

  it("moves the session-1 handout when session 1 moves from 4 Sep to 21 Aug", async () => {
    const { coordinator, academy, sessions, releaseOf } = await academyWithCurriculum();
    const result = await updateSession(coordinator.id, academy.id, sessions[0]!.id, sessionInput("2026-08-21"), everyone);
    expect(result?.ok).toBe(true);
    expect((await releaseOf("session1-participant")).releaseAt).toEqual(fromTokyo(2026, 8, 14, 13, 30));
    // Session 2's handout did not move.
    expect((await releaseOf("session2-participant")).releaseAt).toEqual(fromTokyo(2026, 9, 11, 13, 30));
  });

  it("keeps a fixed date where it is when the session moves", async () => {
    const { coordinator, academy, sessions, releaseOf } = await academyWithCurriculum();
    const handout = await releaseOf("session1-participant");
    const fixed = fromTokyo(2026, 8, 1, 9, 0);
    await setRelease(coordinator.id, academy.id, { materialId: handout.materialId, stageId: handout.stageId, mode: "fixed", releaseAt: fixed });
    await updateSession(coordinator.id, academy.id, sessions[0]!.id, sessionInput("2026-08-21"), everyone);
    expect((await releaseOf("session1-participant")).releaseAt).toEqual(fixed);
  });

  it("follows a stage tied to another session, and the pre-learning start", async () => {
    const { coordinator, academy, sessions, releaseOf } = await academyWithCurriculum();
    const analysis = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "analysis" } });
    expect((await updateStage(coordinator.id, academy.id, analysis.id, { title: "", sessionId: sessions[3]!.id, dueAt: null, deliverable: "none", cutoffAt: null })).ok).toBe(true);
    expect((await releaseOf("session3-participant")).releaseAt).toEqual(fromTokyo(2026, 10, 9, 13, 30));
    await updateAcademy(coordinator.id, academy.id, { name: "芦北", description: "", preLearningStartDate: "2026-08-10", facilitatorIds: [], coordinatorIds: [] });
    expect((await releaseOf("prelearning-participant")).releaseAt).toEqual(fromTokyo(2026, 8, 10, 9, 0));
  });

  it("works for an academy with a fifth session and a final-report stage", async () => {
    const { coordinator, academy, releaseOf } = await academyWithCurriculum();
    const created = await createSession(coordinator.id, academy.id, { ...sessionInput("2026-11-06"), kind: "final_report" }, everyone);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const stage = await addStage(coordinator.id, academy.id, { title: "成果報告会", sessionId: created.id, dueAt: null, deliverable: "none", cutoffAt: null });
    if (!stage.ok) throw new Error(stage.reason);
    const handout = await releaseOf("session4-participant");
    expect((await setRelease(coordinator.id, academy.id, { materialId: handout.materialId, stageId: stage.id, mode: "relative", offsetDays: -3 })).ok).toBe(true);
    expect((await releaseOf("session4-participant")).releaseAt).toEqual(fromTokyo(2026, 11, 3, 13, 30));
    const stages = await prisma.stage.findMany({ where: { academyId: academy.id }, orderBy: { position: "asc" } });
    expect(stages.map((s) => s.title || s.key).at(-1)).toBe("成果報告会");
  });

  it("refuses a stage of another academy", async () => {
    const { coordinator, academy, releaseOf } = await academyWithCurriculum();
    const other = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id });
    const foreign = await prisma.stage.findFirstOrThrow({ where: { academyId: other.id } });
    const handout = await releaseOf("session1-participant");
    const result = await setRelease(coordinator.id, academy.id, { materialId: handout.materialId, stageId: foreign.id, mode: "relative", offsetDays: -7 });
    expect(result).toMatchObject({ ok: false, reason: "stage.validation.missing" });
    expect((await releaseOf("session1-participant")).stageId).toBe(handout.stageId);
  });
});

describe("releasing a whole stage now", () => {
  it("opens every unreleased material of the stage and reports how many", async () => {
    const { coordinator, academy } = await academyWithCurriculum();
    const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
    const now = fromTokyo(2026, 8, 1, 10, 0);
    const result = await releaseStageNow(coordinator.id, academy.id, stage.id, now);
    expect(result).toEqual({ ok: true, count: 3 });
    const rows = await prisma.academyMaterial.findMany({ where: { stageId: stage.id } });
    expect(rows.every((r) => r.releaseAt.getTime() === now.getTime())).toBe(true);
    // Other stages keep their schedule.
    expect(await prisma.academyMaterial.count({ where: { academyId: academy.id, releaseAt: { lte: now } } })).toBe(3 + 0);
    expect((await releaseStageNow(coordinator.id, academy.id, stage.id, now))).toEqual({ ok: true, count: 0 });
  });
});
