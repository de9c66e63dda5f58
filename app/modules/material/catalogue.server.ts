import { prisma } from "~/utils/db.server";

// Reads of the material catalogue (the coordinator's pages outside any academy).

const STAGE_ORDER = ["prelearning", "problem_definition", "data_collection", "analysis", "proposal", "retrospective"];
const stageRank = (key: string | null) => (key === null ? 999 : STAGE_ORDER.indexOf(key) === -1 ? 500 : STAGE_ORDER.indexOf(key));

/** Every catalogue item with its versions and how many academies use it, in curriculum order. */
export async function listCatalogue() {
  const materials = await prisma.material.findMany({
    orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
    select: {
      id: true, title: true, titleEn: true, summary: true, summaryEn: true, stageKey: true, audience: true, kind: true, origin: true,
      versions: { orderBy: { number: "desc" }, select: { number: true, retiredAt: true } },
      _count: { select: { releases: true } },
    },
  });
  return materials.sort((a, b) => stageRank(a.stageKey) - stageRank(b.stageKey));
}

export const RELEASES_SHOWN = 50;

/** One catalogue item for its admin page; the academies using it, the most recent first, are capped. */
export async function getCatalogueMaterial(id: string) {
  return prisma.material.findUnique({
    where: { id },
    select: {
      id: true, key: true, title: true, titleEn: true, summary: true, summaryEn: true, stageKey: true, audience: true, kind: true, origin: true,
      versions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, label: true, fileName: true, url: true, createdAt: true, retiredAt: true, storedFile: { select: { size: true } }, uploadedBy: { select: { displayName: true } } },
      },
      releases: { orderBy: { academy: { fiscalYear: "desc" } }, take: RELEASES_SHOWN, select: { academy: { select: { id: true, name: true, fiscalYear: true } } } },
      _count: { select: { releases: true } },
    },
  });
}

export function materialOrigin(id: string) {
  return prisma.material.findUnique({ where: { id }, select: { id: true, origin: true, kind: true } });
}

/** Catalogue items with a live version that the academy has not attached yet. */
export async function attachableMaterials(academyId: string) {
  const rows = await prisma.material.findMany({
    where: { versions: { some: { retiredAt: null } }, releases: { none: { academyId } } },
    orderBy: [{ sortOrder: "asc" }],
    select: { id: true, title: true, titleEn: true, stageKey: true },
  });
  return rows.sort((a, b) => stageRank(a.stageKey) - stageRank(b.stageKey));
}
