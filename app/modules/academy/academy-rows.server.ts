import { jsonArrayAgg, jsonObject, instant } from "~/utils/sql.server";
import { z } from "zod";
import { jsonArray, jsonObjectOrNull } from "~/utils/raw-read";
import { prisma, Prisma } from "~/utils/db.server";

// Academy lists (/academies, the dashboards) choose and order their rows with the typed client
// (scope and filters stay in one place) and then decorate the page of rows in one raw statement:
// region, its governments with their prefectures, team and session counts, the sessions and the
// next one. Through the query engine the same took five statements (decision 0008).


const SessionItem = z.object({ sequence: z.number(), startsAt: z.coerce.date(), endsAt: z.coerce.date() });
const NextSessionItem = SessionItem.extend({ id: z.string() });

const DecorationRow = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  municipalities: jsonArray(z.object({ name: z.string(), prefecture: z.string() })),
  teams: z.coerce.number(),
  sessionCount: z.coerce.number(),
  sessions: jsonArray(SessionItem),
  nextSession: jsonObjectOrNull(NextSessionItem),
});

export type AcademyDecoration = {
  region: { id: string; name: string; members: { municipality: { name: string; prefecture: { name: string } } }[] };
  _count: { teams: number; sessions: number };
  sessions: z.infer<typeof SessionItem>[];
  nextSession: z.infer<typeof NextSessionItem> | null;
};

/** Region, governments, counts and sessions of these academies, by id. */
export async function decorateAcademies(ids: string[], now = new Date()): Promise<Map<string, AcademyDecoration>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT a."id", r."id" AS "regionId", r."name" AS "regionName",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'name', m."name", 'prefecture', m."prefecture"`))} FROM
              (SELECT mu."name", p."name" AS "prefecture" FROM "RegionMunicipality" rm
                 JOIN "Municipality" mu ON mu."code" = rm."municipalityCode" JOIN "Prefecture" p ON p."code" = mu."prefectureCode"
                WHERE rm."regionId" = r."id" ORDER BY mu."code") m) AS "municipalities",
           (SELECT COUNT(*) FROM "Team" t WHERE t."academyId" = a."id") AS "teams",
           (SELECT COUNT(*) FROM "WorkshopSession" c WHERE c."academyId" = a."id") AS "sessionCount",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'sequence', s."sequence", 'startsAt', s."startsAt", 'endsAt', s."endsAt"`))} FROM
              (SELECT ws."sequence", ws."startsAt", ws."endsAt" FROM "WorkshopSession" ws WHERE ws."academyId" = a."id" ORDER BY ws."sequence") s) AS "sessions",
           (SELECT ${jsonObject(Prisma.sql`'id', n."id", 'sequence', n."sequence", 'startsAt', n."startsAt", 'endsAt', n."endsAt"`)} FROM "WorkshopSession" n
              WHERE n."academyId" = a."id" AND n."endsAt" >= ${instant(now)} ORDER BY n."startsAt" LIMIT 1) AS "nextSession"
    FROM "Academy" a JOIN "Region" r ON r."id" = a."regionId"
    WHERE a."id" IN (${Prisma.join(ids)})`;
  const out = new Map<string, AcademyDecoration>();
  for (const row of rows) {
    const d = DecorationRow.parse(row);
    out.set(d.id, {
      region: { id: d.regionId, name: d.regionName, members: d.municipalities.map((m) => ({ municipality: { name: m.name, prefecture: { name: m.prefecture } } })) },
      _count: { teams: d.teams, sessions: d.sessionCount },
      sessions: d.sessions,
      nextSession: d.nextSession,
    });
  }
  return out;
}

/** The fields an academy list selects itself; the rest comes from decorateAcademies. */
export const academyScalarSelect = { id: true, name: true, fiscalYear: true, status: true } as const;
