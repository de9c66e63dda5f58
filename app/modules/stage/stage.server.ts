import { prisma, type Db } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fail, type Result } from "~/utils/result";
import { recomputeReleases } from "~/modules/material/release.server";
import { DEFAULT_STAGE_DELIVERABLE, DEFAULT_STAGE_KEYS, DEFAULT_STAGE_WORKSHOP } from "./stages";
import type { StageInput } from "./schemas";


/** The six default stages, tied to the academy's workshops in order. */
export async function createDefaultStages(db: Db, academyId: string) {
  const workshops = await db.workshopSession.findMany({
    where: { academyId, kind: "workshop" },
    orderBy: { sequence: "asc" },
    select: { id: true },
  });
  await db.stage.createMany({
    data: DEFAULT_STAGE_KEYS.map((key, i) => {
      const n = DEFAULT_STAGE_WORKSHOP[key];
      const session = n === null ? null : (workshops[n - 1] ?? workshops.at(-1) ?? null);
      return { academyId, key, position: i + 1, sessionId: session?.id ?? null, deliverable: DEFAULT_STAGE_DELIVERABLE[key] };
    }),
  });
}

interface StageSession {
  id: string;
  sequence: number;
  kind: string;
  startsAt: Date;
}

/** The academy's stages in order, each with its session (from the sessions the page loaded, if given). */
export async function listStages(academyId: string, sessions?: StageSession[]) {
  if (!sessions) {
    sessions = await prisma.workshopSession.findMany({ where: { academyId }, select: { id: true, sequence: true, kind: true, startsAt: true } });
  }
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const stages = await prisma.stage.findMany({
    where: { academyId },
    orderBy: { position: "asc" },
    select: { id: true, key: true, position: true, title: true, dueAt: true, sessionId: true, deliverable: true, cutoffAt: true },
  });
  return stages.map(({ sessionId, ...stage }) => {
    const session = sessionId ? byId.get(sessionId) : undefined;
    return { ...stage, session: session ? { id: session.id, sequence: session.sequence, kind: session.kind, startsAt: session.startsAt } : null };
  });
}

export type StageRow = Awaited<ReturnType<typeof listStages>>[number];

/** Rename a stage, tie it to another session (of the same academy) or set its due date. */
export async function updateStage(actorId: string, academyId: string, stageId: string, input: StageInput): Promise<Result> {
  const before = await prisma.stage.findFirst({ where: { id: stageId, academyId } });
  if (!before) return fail("stage.validation.missing");
  if (input.sessionId) {
    const session = await prisma.workshopSession.count({ where: { id: input.sessionId, academyId } });
    if (!session) return fail("stage.validation.session", { sessionId: "stage.validation.session" });
  }
  const after = { title: input.title, sessionId: input.sessionId || null, dueAt: input.dueAt, deliverable: input.deliverable, cutoffAt: input.cutoffAt };
  await prisma.$transaction(async (tx) => {
    await tx.stage.update({ where: { id: stageId }, data: after });
    await recordAudit({ actorId, action: "stage.update", entityType: "academy", entityId: academyId, before, after: { stageId, ...after } }, tx);
    await recomputeReleases(tx, academyId);
  });
  return { ok: true };
}

/** Add a stage at the end (e.g. a final report after the last workshop). */
export async function addStage(actorId: string, academyId: string, input: StageInput): Promise<Result<{ id: string }>> {
  if (input.sessionId && !(await prisma.workshopSession.count({ where: { id: input.sessionId, academyId } }))) {
    return fail("stage.validation.session", { sessionId: "stage.validation.session" });
  }
  if (!input.title) return fail("validation.required", { title: "validation.required" });
  const stage = await prisma.$transaction(async (tx) => {
    const last = await tx.stage.findFirst({ where: { academyId }, orderBy: { position: "desc" }, select: { position: true } });
    const created = await tx.stage.create({
      data: { academyId, key: `custom_${Date.now().toString(36)}`, position: (last?.position ?? 0) + 1, title: input.title, sessionId: input.sessionId || null, dueAt: input.dueAt, deliverable: input.deliverable, cutoffAt: input.cutoffAt },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "stage.create", entityType: "academy", entityId: academyId, after: { stageId: created.id, ...input } }, tx);
    return created;
  });
  return { ok: true, id: stage.id };
}
