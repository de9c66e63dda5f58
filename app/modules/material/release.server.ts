import { visibleMaterialsSql } from "~/modules/deliverable/stage-materials.server";
import { jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { jsonObjectOrNull } from "~/utils/raw-read";
import { prisma, Prisma, type Db } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { defaultReleaseOffsetDays } from "~/modules/stage/stages";
import { fail, type Result } from "~/utils/result";

// When an academy's materials become visible. A release is stored relative to its stage's
// anchor (the stage's session; for a stage without one, the pre-learning start) unless the
// coordinator fixed a date; releaseAt is always the effective instant, recomputed whenever the
// schedule moves, so reads stay one indexed comparison.

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_PRELEARNING_DAYS_BEFORE = 14;


/** Anchors of an academy's stages; `anchorOf(null)` is the anchor of general material (the first workshop). */
async function anchors(db: Db, academyId: string) {
  const academy = await db.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: {
      preLearningStartsAt: true,
      sessions: { orderBy: { sequence: "asc" }, select: { id: true, kind: true, startsAt: true } },
      stages: { orderBy: { position: "asc" }, select: { id: true, key: true, sessionId: true } },
    },
  });
  const starts = new Map(academy.sessions.map((s) => [s.id, s.startsAt]));
  const firstWorkshop = (academy.sessions.find((s) => s.kind === "workshop") ?? academy.sessions[0])?.startsAt ?? null;
  const preLearning = academy.preLearningStartsAt ?? (firstWorkshop ? new Date(firstWorkshop.getTime() - DEFAULT_PRELEARNING_DAYS_BEFORE * DAY) : null);
  const stages = new Map(academy.stages.map((s) => [s.id, s]));
  const anchorOf = (stageId: string | null): Date | null => {
    const stage = stageId ? stages.get(stageId) : undefined;
    if (!stage) return firstWorkshop;
    if (stage.sessionId) return starts.get(stage.sessionId) ?? firstWorkshop;
    return stage.key === "prelearning" ? preLearning : firstWorkshop;
  };
  return { anchorOf, stages: academy.stages };
}

function relativeAt(anchor: Date | null, offsetDays: number) {
  return anchor ? new Date(anchor.getTime() + offsetDays * DAY) : null;
}

/** Move every relative release of the academy to follow its anchor (call inside the transaction that moved it). */
export async function recomputeReleases(db: Db, academyId: string) {
  const { anchorOf } = await anchors(db, academyId);
  const rows = await db.academyMaterial.findMany({
    where: { academyId, releaseMode: "relative" },
    select: { id: true, stageId: true, releaseOffsetDays: true, releaseAt: true },
  });
  for (const row of rows) {
    const at = relativeAt(anchorOf(row.stageId), row.releaseOffsetDays);
    if (at && at.getTime() !== row.releaseAt.getTime()) {
      await db.academyMaterial.update({ where: { id: row.id }, data: { releaseAt: at } });
    }
  }
}

/** Attach every repository curriculum item not yet attached, to its stage, released relative to it. */
export async function attachCurriculum(actorId: string | null, academyId: string, db: Db = prisma) {
  const [materials, attached, { anchorOf, stages }] = await Promise.all([
    db.material.findMany({ where: { origin: "repository" }, select: { id: true, stageKey: true } }),
    db.academyMaterial.findMany({ where: { academyId }, select: { materialId: true } }),
    anchors(db, academyId),
  ]);
  const have = new Set(attached.map((a) => a.materialId));
  const rows = materials
    .filter((m) => !have.has(m.id))
    .flatMap((m) => {
      const stage = stages.find((s) => s.key === m.stageKey) ?? null;
      const offset = defaultReleaseOffsetDays(stage?.key ?? "");
      const releaseAt = relativeAt(anchorOf(stage?.id ?? null), offset);
      return releaseAt ? [{ academyId, materialId: m.id, stageId: stage?.id ?? null, releaseMode: "relative", releaseOffsetDays: offset, releaseAt }] : [];
    });
  if (rows.length > 0) {
    await db.academyMaterial.createMany({ data: rows });
    await recordAudit({ actorId, action: "material.attach_curriculum", entityType: "academy", entityId: academyId, after: { count: rows.length } }, db);
  }
  return rows.length;
}

export type ReleaseInput =
  | { materialId: string; stageId: string | null; mode: "relative"; offsetDays: number }
  | { materialId: string; stageId: string | null; mode: "fixed"; releaseAt: Date };

/** Attach a material to a stage of the academy, or change its stage or release. */
export async function setRelease(actorId: string, academyId: string, input: ReleaseInput): Promise<Result> {
  const material = await prisma.material.count({ where: { id: input.materialId, versions: { some: { retiredAt: null } } } });
  if (!material) return fail("material.validation.missing");
  const { anchorOf, stages } = await anchors(prisma, academyId);
  if (input.stageId && !stages.some((s) => s.id === input.stageId)) return fail("stage.validation.missing", { stageId: "stage.validation.missing" });
  const releaseAt = input.mode === "fixed" ? input.releaseAt : relativeAt(anchorOf(input.stageId), input.offsetDays);
  if (!releaseAt) return fail("material.validation.noAnchor", { offsetDays: "material.validation.noAnchor" });
  const data = {
    stageId: input.stageId,
    releaseMode: input.mode,
    releaseOffsetDays: input.mode === "relative" ? input.offsetDays : 0,
    releaseAt,
  };
  const key = { academyId_materialId: { academyId, materialId: input.materialId } };
  await prisma.$transaction(async (tx) => {
    const existing = await tx.academyMaterial.findUnique({ where: key, select: { stageId: true, releaseMode: true, releaseOffsetDays: true, releaseAt: true } });
    await tx.academyMaterial.upsert({ where: key, create: { academyId, materialId: input.materialId, ...data }, update: data });
    await recordAudit(
      {
        actorId,
        action: existing ? "material.release_update" : "material.attach",
        entityType: "academy",
        entityId: academyId,
        before: existing ? { materialId: input.materialId, ...existing } : undefined,
        after: { materialId: input.materialId, ...data },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Release every not-yet-released material of one stage now. Returns how many. */
export async function releaseStageNow(actorId: string, academyId: string, stageId: string, now = new Date()): Promise<Result<{ count: number }>> {
  const stage = await prisma.stage.findFirst({ where: { id: stageId, academyId }, select: { id: true } });
  if (!stage) return fail("stage.validation.missing");
  const count = await prisma.$transaction(async (tx) => {
    const { count } = await tx.academyMaterial.updateMany({
      where: { academyId, stageId, releaseAt: { gt: now } },
      data: { releaseMode: "fixed", releaseOffsetDays: 0, releaseAt: now },
    });
    if (count > 0) await recordAudit({ actorId, action: "material.release_stage", entityType: "academy", entityId: academyId, after: { stageId, count } }, tx);
    return count;
  });
  return { ok: true, count };
}

export async function detachMaterial(actorId: string, academyId: string, materialId: string) {
  const { count } = await prisma.academyMaterial.deleteMany({ where: { academyId, materialId } });
  if (count > 0) await recordAudit({ actorId, action: "material.detach", entityType: "academy", entityId: academyId, before: { materialId } });
  return count > 0;
}

/** Prisma twin of visibleMaterialsSql (deliverable/stage-materials.server.ts): staff all, others released participant ones. */
export function visibleWhere(staff: boolean, now: Date) {
  return staff ? {} : { releaseAt: { lte: now }, material: { audience: "participant" } };
}

const versionSelect = {
  id: true,
  number: true,
  label: true,
  fileName: true,
  url: true,
  createdAt: true,
  storedFile: { select: { size: true, mimeType: true, sha256: true, storageKey: true } },
} as const;

const StoredFileJson = z.object({ size: z.number(), mimeType: z.string(), sha256: z.string(), storageKey: z.string() });
const VersionJson = z.object({
  id: z.string(),
  number: z.number(),
  label: z.string(),
  fileName: z.string(),
  url: z.string(),
  createdAt: z.coerce.date(),
  storedFile: StoredFileJson.nullable(),
});
const AcademyMaterialRow = z.object({
  id: z.string(),
  releaseAt: z.coerce.date(),
  releaseMode: z.string(),
  releaseOffsetDays: z.number(),
  stageId: z.string().nullable(),
  materialId: z.string(),
  key: z.string(),
  stageKey: z.string().nullable(),
  audience: z.string(),
  kind: z.string(),
  title: z.string(),
  titleEn: z.string(),
  summary: z.string(),
  summaryEn: z.string(),
  current: jsonObjectOrNull(VersionJson),
  lastSeen: jsonObjectOrNull(z.object({ versionId: z.string(), number: z.number(), retired: z.coerce.number() })),
});

/**
 * Materials of an academy the context may see, each with its current (non-retired) version and
 * the version this person last opened: one statement (decision 0008).
 */
export async function listAcademyMaterials(context: AcademyContext, now = new Date()) {
  const staff = context.can.seeStaffMaterials;
  const academyId = context.academy.id;
  const visible = visibleMaterialsSql(context, now, "m");
  const raw = await prisma.$queryRaw<unknown[]>`
    SELECT am."id", am."releaseAt", am."releaseMode", am."releaseOffsetDays", am."stageId", m."id" AS "materialId", m."key", m."stageKey",
           m."audience", m."kind", m."title", m."titleEn", m."summary", m."summaryEn",
           (SELECT ${jsonObject(Prisma.sql`'id', v."id", 'number', v."number", 'label', v."label", 'fileName', v."fileName", 'url', v."url",
                               'createdAt', v."createdAt",
                               'storedFile', CASE WHEN f."id" IS NULL THEN NULL ELSE ${jsonObject(Prisma.sql`'size', f."size", 'mimeType', f."mimeType", 'sha256', f."sha256", 'storageKey', f."storageKey"`)} END`)}
              FROM "MaterialVersion" v LEFT JOIN "StoredFile" f ON f."id" = v."storedFileId"
             WHERE v."materialId" = m."id" AND v."retiredAt" IS NULL ORDER BY v."number" DESC LIMIT 1) AS "current",
           (SELECT ${jsonObject(Prisma.sql`'versionId', sv."id", 'number', sv."number", 'retired', sv."retiredAt" IS NOT NULL`)}
              FROM "MaterialAccess" ma JOIN "MaterialVersion" sv ON sv."id" = ma."versionId"
             WHERE ma."userId" = ${context.user.id} AND ma."academyId" = ${academyId} AND sv."materialId" = m."id"
             ORDER BY ma."createdAt" DESC LIMIT 1) AS "lastSeen"
    FROM "AcademyMaterial" am JOIN "Material" m ON m."id" = am."materialId"
    WHERE am."academyId" = ${academyId} ${visible}
    ORDER BY am."releaseAt", m."sortOrder", am."id"`;
  const rows = raw.map((row) => AcademyMaterialRow.parse(row));
  return {
    staff,
    items: rows.flatMap((r) => {
      if (!r.current) return [];
      const current = r.current;
      const previous = r.lastSeen;
      return [
        {
          id: r.id,
          releaseAt: r.releaseAt,
          releaseMode: r.releaseMode,
          releaseOffsetDays: r.releaseOffsetDays,
          stageId: r.stageId,
          material: {
            id: r.materialId,
            key: r.key,
            stageKey: r.stageKey,
            audience: r.audience,
            kind: r.kind,
            title: r.title,
            titleEn: r.titleEn,
            summary: r.summary,
            summaryEn: r.summaryEn,
            versions: [current],
          },
          current,
          released: r.releaseAt.getTime() <= now.getTime(),
          updated: Boolean(previous && previous.number < current.number),
          previousVersionId: previous && previous.number < current.number && !previous.retired ? previous.versionId : null,
        },
      ];
    }),
  };
}

/**
 * One material of the academy for this context, or null (→ 404): unreleased, facilitator-only,
 * not attached to this academy and retired versions all look the same from outside.
 */
export async function findVisibleMaterial(context: AcademyContext, materialId: string, versionId?: string | null, now = new Date()) {
  const staff = context.can.seeStaffMaterials;
  const academyId = context.academy.id;
  const row = await prisma.academyMaterial.findFirst({
    where: { academyId, materialId, ...visibleWhere(staff, now) },
    select: {
      releaseAt: true,
      stage: { select: { key: true, title: true } },
      material: { select: { id: true, stageKey: true, audience: true, kind: true, title: true, titleEn: true, summary: true, summaryEn: true } },
    },
  });
  if (!row) return null;
  const versions = await prisma.materialVersion.findMany({
    where: { materialId, ...(staff ? {} : { retiredAt: null }) },
    orderBy: { number: "desc" },
    select: { ...versionSelect, body: true, retiredAt: true },
  });
  const current = versions.find((v) => !v.retiredAt);
  if (!current) return null;
  let version = current;
  if (versionId && versionId !== current.id) {
    const wanted = versions.find((v) => v.id === versionId);
    if (!wanted) return null;
    // Participants may reopen only a version they had opened before.
    if (!staff) {
      const had = await prisma.materialAccess.count({ where: { userId: context.user.id, academyId, versionId } });
      if (!had) return null;
    }
    version = wanted;
  }
  return { ...row, version, current, versions: staff ? versions : [], staff };
}

export async function recordAccess(userId: string, academyId: string, versionId: string, kind: "view" | "download") {
  await prisma.materialAccess.create({ data: { userId, academyId, versionId, kind } });
}

/** The material as attached to the academy (its stage), or null when it is not attached. */
export function attachedMaterial(academyId: string, materialId: string) {
  if (!materialId || materialId.length > 64) return Promise.resolve(null);
  return prisma.academyMaterial.findUnique({ where: { academyId_materialId: { academyId, materialId } }, select: { stageId: true } });
}
