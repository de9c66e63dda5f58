import { prisma } from "~/utils/db.server";
import { parseLgCode, toHalfWidthDigits } from "./lg-code";

const select = {
  code: true,
  name: true,
  kana: true,
  prefecture: { select: { code: true, name: true } },
} as const;

/** Find local governments by code (5 or 6 digits), name or kana, e.g. "28201", "姫路", "ひめじ". */
export async function searchMunicipalities(query: string, take = 20) {
  const q = toHalfWidthDigits(query).trim().slice(0, 50);
  if (q === "") return [];
  if (/^\d{5,6}$/.test(q)) {
    const parsed = parseLgCode(q);
    if (!parsed.ok) return [];
    return prisma.municipality.findMany({ where: { code: parsed.code }, select });
  }
  return prisma.municipality.findMany({
    where: { OR: [{ name: { contains: q } }, { kana: { startsWith: q } }, { prefecture: { name: { startsWith: q } } }] },
    orderBy: { code: "asc" },
    take,
    select,
  });
}

/** The 47 prefectures in code order, for filters. */
let prefectures: Promise<{ code: string; name: string }[]> | undefined;

/** The 47 prefectures: reference data, seeded with the app and never changed while it runs, so read once. */
export function listPrefectures() {
  prefectures ??= prisma.prefecture.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }).catch((error: unknown) => {
    prefectures = undefined;
    throw error;
  });
  return prefectures;
}
