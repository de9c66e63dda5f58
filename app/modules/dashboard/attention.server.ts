import { academiesWhere } from "~/modules/account/permissions";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { instant } from "~/utils/sql.server";
import type { SessionUser } from "~/utils/session.server";
import { keptRead } from "~/utils/read-cache.server";

// The 要対応 list on top of a staff member's first screen: what needs doing next, each item
// linking to where it is done. One statement (each part capped) whatever the data size.

export const ATTENTION_KINDS = ["recruitingNoTeams", "releaseThisWeek", "sessionNoFacilitator", "sessionNoVenue", "invitationUnanswered", "consultationRequested"] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** Sessions this far ahead are checked for a facilitator and a venue. */
export const SESSION_CHECK_DAYS = 60;
export const INVITATION_WAIT_DAYS = 7;
const PER_KIND = 5;

const Row = z.object({
  kind: z.enum(ATTENTION_KINDS),
  academyId: z.string(),
  academyName: z.string(),
  sessionId: z.string().nullable(),
  sequence: z.coerce.number().nullable(),
  at: z.coerce.date().nullable(),
  n: z.coerce.number(),
  /** how many such items in all (the list shows at most PER_KIND) */
  // (for consultationRequested, academyId and academyName are the consultation's id and title)
  total: z.coerce.number(),
});
export type AttentionItem = z.infer<typeof Row>;

/** The academies a staff member looks after (a programme coordinator: all). */
function staffScope(user: Pick<SessionUser, "permissions" | "enrollments">, column: string) {
  if (user.permissions.includes("read:academy:any")) return Prisma.sql`TRUE`;
  const ids = academiesWhere(user, "runSessions");
  return ids.length ? Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(ids)})` : Prisma.sql`FALSE`;
}

/** What the list reads: it is kept until one of these is written (read-cache.server.ts), and at most a minute. */
const ATTENTION_TABLES = ["Academy", "Team", "AcademyMaterial", "WorkshopSession", "SessionFacilitator", "Invitation", "Consultation"];

/**
 * The list for this person's view — the academies they look after and whether they handle
 * consultation requests — kept for everyone with the same view (issue 28: it was a quarter of the
 * dashboard's database time).
 */
export function attentionItems(user: Pick<SessionUser, "permissions" | "enrollments">, now: Date): Promise<AttentionItem[]> {
  const academies = user.permissions.includes("read:academy:any") ? "any" : [...academiesWhere(user, "runSessions")].sort().join(",");
  const consultations = user.permissions.includes("manage:consultation:any");
  return keptRead(`attention:${academies}:${consultations}`, ATTENTION_TABLES, () => countAttentionItems(user, now));
}

async function countAttentionItems(user: Pick<SessionUser, "permissions" | "enrollments">, now: Date): Promise<AttentionItem[]> {
  const n = instant(now);
  const week = instant(new Date(now.getTime() + 7 * 86_400_000));
  const horizon = instant(new Date(now.getTime() + SESSION_CHECK_DAYS * 86_400_000));
  const waited = instant(new Date(now.getTime() - INVITATION_WAIT_DAYS * 86_400_000));
  const a = staffScope(user, `a."id"`);
  const part = (sql: Prisma.Sql) => Prisma.sql`SELECT * FROM (${sql}) AS part`;
  const rows = await prisma.$queryRaw<unknown[]>`
    ${part(Prisma.sql`SELECT 'recruitingNoTeams' AS "kind", a."id" AS "academyId", a."name" AS "academyName", CAST(NULL AS TEXT) AS "sessionId", CAST(NULL AS INTEGER) AS "sequence",
        (SELECT min(ws."startsAt") FROM "WorkshopSession" ws WHERE ws."academyId" = a."id") AS "at", 0 AS "n", count(*) OVER () AS "total"
      FROM "Academy" a WHERE a."status" = 'recruiting' AND ${a} AND NOT EXISTS (SELECT 1 FROM "Team" t WHERE t."academyId" = a."id")
      ORDER BY "at" NULLS LAST LIMIT ${PER_KIND}`)}
    UNION ALL
    ${part(Prisma.sql`SELECT 'releaseThisWeek', a."id", a."name", CAST(NULL AS TEXT), CAST(NULL AS INTEGER), min(am."releaseAt"), count(*), count(*) OVER ()
      FROM "AcademyMaterial" am JOIN "Academy" a ON a."id" = am."academyId"
      WHERE am."releaseAt" > ${n} AND am."releaseAt" <= ${week} AND ${a}
      GROUP BY a."id" ORDER BY min(am."releaseAt") LIMIT ${PER_KIND}`)}
    UNION ALL
    ${part(Prisma.sql`SELECT 'sessionNoFacilitator', a."id", a."name", ws."id", ws."sequence", ws."startsAt", 0, count(*) OVER ()
      FROM "WorkshopSession" ws JOIN "Academy" a ON a."id" = ws."academyId"
      WHERE ws."startsAt" > ${n} AND ws."startsAt" <= ${horizon} AND a."status" NOT IN ('finished', 'archived') AND ${a}
        AND NOT EXISTS (SELECT 1 FROM "SessionFacilitator" sf WHERE sf."sessionId" = ws."id")
      ORDER BY ws."startsAt" LIMIT ${PER_KIND}`)}
    UNION ALL
    ${part(Prisma.sql`SELECT 'sessionNoVenue', a."id", a."name", ws."id", ws."sequence", ws."startsAt", 0, count(*) OVER ()
      FROM "WorkshopSession" ws JOIN "Academy" a ON a."id" = ws."academyId"
      WHERE ws."startsAt" > ${n} AND ws."startsAt" <= ${horizon} AND a."status" NOT IN ('finished', 'archived') AND ${a}
        AND trim(ws."venueName") = '' AND trim(ws."onlineUrl") = ''
      ORDER BY ws."startsAt" LIMIT ${PER_KIND}`)}
    UNION ALL
    ${part(Prisma.sql`SELECT 'invitationUnanswered', a."id", a."name", CAST(NULL AS TEXT), CAST(NULL AS INTEGER), min(i."createdAt"), count(*), count(*) OVER ()
      FROM "Invitation" i JOIN "Academy" a ON a."id" = i."academyId"
      WHERE i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."createdAt" <= ${waited} AND a."status" NOT IN ('finished', 'archived') AND ${a}
        AND NOT EXISTS (SELECT 1 FROM "Invitation" newer WHERE newer."userId" = i."userId" AND newer."academyId" = i."academyId" AND newer."createdAt" > i."createdAt")
      GROUP BY a."id" ORDER BY min(i."createdAt") LIMIT ${PER_KIND}`)}
    UNION ALL
    ${part(Prisma.sql`SELECT 'consultationRequested', c."id", c."title", CAST(NULL AS TEXT), CAST(NULL AS INTEGER), c."createdAt", 0, count(*) OVER ()
      FROM "Consultation" c WHERE c."status" = 'requested' AND ${user.permissions.includes("manage:consultation:any") ? Prisma.sql`TRUE` : Prisma.sql`FALSE`}
      ORDER BY c."createdAt" LIMIT ${PER_KIND}`)}`;
  return rows.map((r) => Row.parse(r));
}
