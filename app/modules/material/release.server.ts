import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { userHasPermission } from "~/modules/account/permissions";
import type { SessionUser } from "~/utils/session.server";

const DAY = 24 * 60 * 60 * 1000;
export const DEFAULT_RELEASE_DAYS_BEFORE = 7;
export const DEFAULT_PRELEARNING_DAYS_BEFORE = 14;

/** Where material of each stage belongs in the academy, and when it is released by default. */
async function placements(academyId: string) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: {
      preLearningStartsAt: true,
      sessions: { where: { kind: "workshop" }, orderBy: { sequence: "asc" }, select: { id: true, startsAt: true } },
    },
  });
  const workshops = academy.sessions;
  return (stage: string) => {
    if (stage === "prelearning") {
      const first = workshops[0]?.startsAt ?? new Date();
      return { sessionId: null, releaseAt: academy.preLearningStartsAt ?? new Date(first.getTime() - DEFAULT_PRELEARNING_DAYS_BEFORE * DAY) };
    }
    const n = Number(stage.replace("session", ""));
    const session = workshops[n - 1] ?? workshops.at(-1);
    if (!session) return null;
    return { sessionId: session.id, releaseAt: new Date(session.startsAt.getTime() - DEFAULT_RELEASE_DAYS_BEFORE * DAY) };
  };
}

/** Attach every repository curriculum item not yet attached, at its default place and time. */
export async function attachCurriculum(actorId: string | null, academyId: string) {
  const [materials, attached, placementOf] = await Promise.all([
    prisma.material.findMany({ where: { origin: "repository" }, select: { id: true, stage: true } }),
    prisma.academyMaterial.findMany({ where: { academyId }, select: { materialId: true } }),
    placements(academyId),
  ]);
  const have = new Set(attached.map((a) => a.materialId));
  const rows = materials
    .filter((m) => !have.has(m.id))
    .flatMap((m) => {
      const placement = placementOf(m.stage);
      return placement ? [{ academyId, materialId: m.id, ...placement }] : [];
    });
  if (rows.length > 0) {
    await prisma.academyMaterial.createMany({ data: rows });
    await recordAudit({ actorId, action: "material.attach_curriculum", entityType: "academy", entityId: academyId, after: { count: rows.length } });
  }
  return rows.length;
}

export async function attachMaterial(actorId: string, academyId: string, materialId: string, sessionId: string | null, releaseAt: Date) {
  const existing = await prisma.academyMaterial.findUnique({ where: { academyId_materialId: { academyId, materialId } } });
  const row = await prisma.academyMaterial.upsert({
    where: { academyId_materialId: { academyId, materialId } },
    create: { academyId, materialId, sessionId, releaseAt },
    update: { sessionId, releaseAt },
  });
  await recordAudit({
    actorId,
    action: existing ? "material.release_update" : "material.attach",
    entityType: "academy",
    entityId: academyId,
    before: existing ? { materialId, sessionId: existing.sessionId, releaseAt: existing.releaseAt } : undefined,
    after: { materialId, sessionId, releaseAt },
  });
  return row;
}

export async function detachMaterial(actorId: string, academyId: string, materialId: string) {
  const { count } = await prisma.academyMaterial.deleteMany({ where: { academyId, materialId } });
  if (count > 0) await recordAudit({ actorId, action: "material.detach", entityType: "academy", entityId: academyId, before: { materialId } });
  return count > 0;
}

/** Staff see every attached material early; participants only released participant material. */
export async function materialAudienceFor(user: SessionUser, academyId: string) {
  if (userHasPermission(user, "manage:academy:any")) return { staff: true };
  const staff = await prisma.academyStaff.count({ where: { academyId, userId: user.id } });
  return { staff: staff > 0 };
}

export function visibleWhere(staff: boolean, now: Date) {
  return staff ? {} : { releaseAt: { lte: now }, material: { audience: "participant" } };
}

const versionSelect = { id: true, number: true, label: true, fileName: true, mimeType: true, size: true, url: true, createdAt: true, contentHash: true } as const;

/** Materials of an academy the user may see, each with its current (non-retired) version. */
export async function listAcademyMaterials(user: SessionUser, academyId: string, now = new Date()) {
  const { staff } = await materialAudienceFor(user, academyId);
  const rows = await prisma.academyMaterial.findMany({
    where: { academyId, ...visibleWhere(staff, now) },
    orderBy: [{ releaseAt: "asc" }, { material: { sortOrder: "asc" } }],
    select: {
      id: true,
      releaseAt: true,
      session: { select: { id: true, sequence: true } },
      material: {
        select: {
          id: true,
          key: true,
          stage: true,
          audience: true,
          kind: true,
          title: true,
          titleEn: true,
          summary: true,
          summaryEn: true,
          versions: { where: { retiredAt: null }, orderBy: { number: "desc" }, take: 1, select: versionSelect },
        },
      },
    },
  });
  const seen = await prisma.materialAccess.findMany({
    where: { userId: user.id, academyId },
    orderBy: { createdAt: "desc" },
    select: { versionId: true, version: { select: { materialId: true, number: true, retiredAt: true } } },
  });
  const lastSeen = new Map<string, { versionId: string; number: number; retired: boolean }>();
  for (const s of seen) {
    if (!lastSeen.has(s.version.materialId)) lastSeen.set(s.version.materialId, { versionId: s.versionId, number: s.version.number, retired: Boolean(s.version.retiredAt) });
  }
  return {
    staff,
    items: rows
      .filter((r) => r.material.versions.length > 0)
      .map((r) => {
        const current = r.material.versions[0]!;
        const previous = lastSeen.get(r.material.id);
        return {
          ...r,
          current,
          released: r.releaseAt.getTime() <= now.getTime(),
          updated: Boolean(previous && previous.number < current.number),
          previousVersionId: previous && previous.number < current.number && !previous.retired ? previous.versionId : null,
        };
      }),
  };
}

/**
 * One material of the academy for this user, or null (→ 404): unreleased, facilitator-only,
 * not attached to this academy and retired versions all look the same from outside.
 */
export async function findVisibleMaterial(user: SessionUser, academyId: string, materialId: string, versionId?: string | null, now = new Date()) {
  const { staff } = await materialAudienceFor(user, academyId);
  const row = await prisma.academyMaterial.findFirst({
    where: { academyId, materialId, ...visibleWhere(staff, now) },
    select: {
      releaseAt: true,
      session: { select: { sequence: true } },
      material: { select: { id: true, stage: true, audience: true, kind: true, title: true, titleEn: true, summary: true, summaryEn: true } },
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
      const had = await prisma.materialAccess.count({ where: { userId: user.id, academyId, versionId } });
      if (!had) return null;
    }
    version = wanted;
  }
  return { ...row, version, current, versions: staff ? versions : [], staff };
}

export async function recordAccess(userId: string, academyId: string, versionId: string, kind: "view" | "download") {
  await prisma.materialAccess.create({ data: { userId, academyId, versionId, kind } });
}
