import { containsInsensitive } from "~/utils/sql.server";
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
    where: { OR: [{ name: containsInsensitive(q) }, { kana: { startsWith: q } }, { prefecture: { name: { startsWith: q } } }] },
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

/** Checks every code (check digit, existence) and returns the normalised 6-digit codes or a message. */
export async function resolveMunicipalityCodes(codes: string[]) {
  const normalised: string[] = [];
  for (const code of codes) {
    const parsed = parseLgCode(code);
    if (!parsed.ok) {
      return { ok: false as const, error: parsed.problem.key, params: { ...parsed.problem, code } };
    }
    normalised.push(parsed.code);
  }
  const unique = [...new Set(normalised)];
  const found = await prisma.municipality.findMany({ where: { code: { in: unique } }, select: { code: true } });
  const missing = unique.find((c) => !found.some((f) => f.code === c));
  if (missing) return { ok: false as const, error: "region.validation.unknownCode", params: { code: missing } };
  return { ok: true as const, codes: unique };
}
