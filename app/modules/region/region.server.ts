import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { resolveMunicipalityCodes as resolveMembers } from "~/modules/municipality/municipality.server";
import type { RegionInput } from "./schemas";
import { fieldFailure, type Result } from "~/utils/result";

export type RegionResult = Result<{ id: string }, { params?: Record<string, string | number> }>;

const snapshot = (r: { name: string; kana: string; description: string; members: { municipalityCode: string }[] }) => ({
  name: r.name,
  kana: r.kana,
  description: r.description,
  members: r.members.map((m) => m.municipalityCode).sort(),
});

function regionData(input: RegionInput, codes: string[]) {
  return {
    name: input.name,
    kana: input.kana,
    description: input.description,
    members: { create: codes.map((municipalityCode) => ({ municipalityCode })) },
  };
}

export async function createRegion(actorId: string, input: RegionInput): Promise<RegionResult> {
  const members = await resolveMembers(input.municipalityCodes);
  if (!members.ok) return { ...fieldFailure("municipalityCodes", members.error), params: members.params };
  const region = await prisma.$transaction(async (tx) => {
    const created = await tx.region.create({
      data: regionData(input, members.codes),
      include: { members: true },
    });
    await recordAudit({ actorId, action: "region.create", entityType: "region", entityId: created.id, after: snapshot(created) }, tx);
    return created;
  });
  return { ok: true, id: region.id };
}

export async function updateRegion(actorId: string, id: string, input: RegionInput): Promise<RegionResult | null> {
  const before = await prisma.region.findUnique({ where: { id }, include: { members: true } });
  if (!before) return null;
  const members = await resolveMembers(input.municipalityCodes);
  if (!members.ok) return { ...fieldFailure("municipalityCodes", members.error), params: members.params };
  await prisma.$transaction(async (tx) => {
    await tx.regionMunicipality.deleteMany({ where: { regionId: id } });
    const after = await tx.region.update({
      where: { id },
      data: regionData(input, members.codes),
      include: { members: true },
    });
    await recordAudit(
      { actorId, action: "region.update", entityType: "region", entityId: id, before: snapshot(before), after: snapshot(after) },
      tx,
    );
  });
  return { ok: true, id };
}

export async function setRegionArchived(actorId: string, id: string, archived: boolean) {
  const before = await prisma.region.findUnique({ where: { id }, select: { archivedAt: true } });
  if (!before) return null;
  const archivedAt = archived ? new Date() : null;
  await prisma.$transaction(async (tx) => {
    await tx.region.update({ where: { id }, data: { archivedAt } });
    await recordAudit(
      {
        actorId,
        action: archived ? "region.archive" : "region.restore",
        entityType: "region",
        entityId: id,
        before: { archivedAt: before.archivedAt },
        after: { archivedAt },
      },
      tx,
    );
  });
  return true;
}

const memberSelect = {
  municipality: { select: { code: true, name: true, kana: true, prefecture: { select: { name: true } } } },
} as const;

export function listRegions({ includeArchived = false } = {}) {
  return prisma.region.findMany({
    where: includeArchived ? undefined : { archivedAt: null },
    orderBy: [{ archivedAt: "asc" }, { kana: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kana: true,
      archivedAt: true,
      members: { select: memberSelect, orderBy: { municipalityCode: "asc" } },
      _count: { select: { academies: true } },
    },
  });
}

export function getRegion(id: string) {
  return prisma.region.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kana: true,
      description: true,
      archivedAt: true,
      members: { select: memberSelect, orderBy: { municipalityCode: "asc" } },
      academies: { select: { id: true, name: true, fiscalYear: true, status: true }, orderBy: { fiscalYear: "desc" } },
    },
  });
}

/** Member governments of a region, for team forms. */
export async function regionMunicipalities(regionId: string) {
  const members = await prisma.regionMunicipality.findMany({
    where: { regionId },
    select: { municipality: { select: { code: true, name: true } } },
    orderBy: { municipalityCode: "asc" },
  });
  return members.map((m) => m.municipality);
}

/** Regions for a filter or a picker: id and name only (one statement, however many regions). */
export function regionOptions({ includeArchived = false } = {}) {
  return prisma.region.findMany({
    where: includeArchived ? undefined : { archivedAt: null },
    orderBy: [{ kana: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}
