import { takingPartSql } from "~/modules/academy/scope.server";
import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { jsonArray } from "~/utils/raw-read";
import { teamSummaryColumns, teamSummaryFields, toTeamSummary } from "~/modules/team/team-summary.server";
import { prisma, Prisma } from "~/utils/db.server";
import type { AcademyContext } from "./context.server";
import { teamScopeSqlIn } from "./scope.server";
import { sessionRowFields } from "~/modules/schedule/session-row";

// The academy page is the most used page of staff: its academy (region, governments, staff,
// sessions with their facilitators) and its teams come in two statements instead of thirteen
// (decision 0008: raw reads, typed by zod, where Prisma's per-statement cost dominates). The
// context has already decided that the user may see the academy; the teams follow the same
// scope as teamScopeIn.

const json = jsonArray;

const AcademyRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  fiscalYear: z.coerce.number(),
  status: z.string(),
  preLearningStartsAt: z.coerce.date().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  municipalities: json(z.object({ code: z.string(), name: z.string() })),
  staff: json(z.object({ role: z.string(), id: z.string(), displayName: z.string() })),
  sessions: json(
    z.object({
      id: z.string(),
      ...sessionRowFields,
      kind: z.string(),
      venueCapacity: z.number().nullable(),
      agenda: z.string(),
      // A JSON value inside json_object arrives as an array, not as text.
      facilitatorIds: z.array(z.string()),
    }),
  ),
});

export async function academyPage(context: AcademyContext) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT a."id", a."name", a."description", a."fiscalYear", a."status", a."preLearningStartsAt",
           r."id" AS "regionId", r."name" AS "regionName",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'code', m."code", 'name', m."name"`))} FROM
              (SELECT mu."code", mu."name" FROM "RegionMunicipality" rm JOIN "Municipality" mu ON mu."code" = rm."municipalityCode"
                WHERE rm."regionId" = r."id" ORDER BY mu."code") m) AS "municipalities",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'role', s."role", 'id', s."id", 'displayName', s."displayName"`))} FROM
              (SELECT e."role", u."id", u."displayName" FROM "Enrollment" e JOIN "User" u ON u."id" = e."userId"
                WHERE e."academyId" = a."id" AND e."role" IN ('coordinator', 'facilitator', 'observer') AND ${takingPartSql("e")}
                ORDER BY u."kana", u."id") s) AS "staff",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', w."id", 'sequence', w."sequence", 'kind', w."kind", 'title', w."title",
                     'startsAt', w."startsAt", 'endsAt', w."endsAt", 'venueName', w."venueName", 'venueAddress', w."venueAddress",
                     'venueCapacity', w."venueCapacity", 'onlineUrl', w."onlineUrl", 'agenda', w."agenda",
                     'facilitatorIds', (SELECT ${jsonArrayAgg(Prisma.sql`sf."userId"`)} FROM "SessionFacilitator" sf WHERE sf."sessionId" = w."id")`))}
              FROM (SELECT * FROM "WorkshopSession" ws WHERE ws."academyId" = a."id" ORDER BY ws."sequence") w) AS "sessions"
    FROM "Academy" a JOIN "Region" r ON r."id" = a."regionId"
    WHERE a."id" = ${context.academy.id}`;
  if (rows.length === 0) return null;
  const a = AcademyRow.parse(rows[0]);
  const names = new Map(a.staff.map((s) => [s.id, s.displayName]));
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    fiscalYear: a.fiscalYear,
    status: a.status,
    preLearningStartsAt: a.preLearningStartsAt,
    region: { id: a.regionId, name: a.regionName, members: a.municipalities.map((m) => ({ municipality: m })) },
    enrollments: a.staff.map((s) => ({ role: s.role, user: { id: s.id, displayName: s.displayName } })),
    sessions: a.sessions.map(({ facilitatorIds, ...s }) => ({
      ...s,
      facilitators: facilitatorIds.map((userId) => ({ userId, user: { id: userId, displayName: names.get(userId) ?? "—" } })),
    })),
  };
}

const TeamRow = z.object({ ...teamSummaryFields, memberRoles: json(z.string()) });

/** The academy's teams the user may see, with lead, governments and member roles. */
export async function academyTeams(context: AcademyContext) {
  const scope = teamScopeSqlIn(context);
  if (!scope) return [];
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT t."id", t."name", t."themeTitle", ${teamSummaryColumns},
           (SELECT ${jsonArrayAgg(Prisma.sql`tmb."teamRole"`)} FROM "TeamMember" tmb WHERE tmb."teamId" = t."id") AS "memberRoles"
    FROM "Team" t
    WHERE ${scope}
    ORDER BY t."createdAt", t."id"`;
  return rows.map((row) => {
    const t = TeamRow.parse(row);
    return { ...toTeamSummary(t), members: t.memberRoles.map((teamRole) => ({ teamRole })) };
  });
}
