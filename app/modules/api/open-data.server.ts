import { jsonArrayAgg, jsonObject, instant } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import { ACADEMY_STATUSES } from "~/modules/academy/status";
/** A page of a list: 1-based, at most 100 rows. */
export interface PageQuery {
  page: number;
  perPage: number;
}

// What the read-only API publishes: academies, their sessions and aggregate KPIs, never a person
// (no names, e-mail addresses, facilitators or online meeting links). Two statements a list.

const Municipality = z.object({ code: z.string(), name: z.string(), prefecture: z.string() });

const AcademyRow = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.coerce.number(),
  status: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  municipalities: jsonArray(Municipality),
  teams: z.coerce.number(),
  sessions: z.coerce.number(),
  firstSessionAt: z.coerce.date().nullable(),
  lastSessionAt: z.coerce.date().nullable(),
  updatedAt: z.coerce.date(),
});

export interface AcademyQuery {
  fiscalYear: number | null;
  status: string | null;
  prefecture: string | null;
}

export const AcademyQuerySchema = z.object({
  fiscal_year: z.string().regex(/^\d{4}$/, "fiscal_year must be a year such as 2025").transform(Number).optional(),
  status: z.enum(ACADEMY_STATUSES, { error: `status must be one of ${ACADEMY_STATUSES.join(", ")}` }).optional(),
  prefecture: z.string().regex(/^\d{2}$/, "prefecture must be a two-digit prefecture code such as 28").optional(),
});

function academyWhere(q: AcademyQuery, academyId?: string) {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (academyId) parts.push(Prisma.sql`a."id" = ${academyId}`);
  if (q.fiscalYear) parts.push(Prisma.sql`a."fiscalYear" = ${q.fiscalYear}`);
  if (q.status) parts.push(Prisma.sql`a."status" = ${q.status}`);
  if (q.prefecture) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RegionMunicipality" rm JOIN "Municipality" m ON m."code" = rm."municipalityCode" WHERE rm."regionId" = a."regionId" AND m."prefectureCode" = ${q.prefecture})`);
  }
  return Prisma.join(parts, " AND ");
}

function toAcademy(row: unknown) {
  const a = AcademyRow.parse(row);
  return {
    id: a.id,
    name: a.name,
    fiscalYear: a.fiscalYear,
    status: a.status,
    region: { id: a.regionId, name: a.regionName, municipalities: a.municipalities },
    teamCount: a.teams,
    sessionCount: a.sessions,
    firstSessionAt: a.firstSessionAt?.toISOString() ?? null,
    lastSessionAt: a.lastSessionAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

const academyColumns = Prisma.sql`a."id", a."name", a."fiscalYear", a."status", r."id" AS "regionId", r."name" AS "regionName", a."updatedAt",
  (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'code', x."code", 'name', x."name", 'prefecture', x."prefecture"`))} FROM
     (SELECT m."code", m."name", p."name" AS "prefecture" FROM "RegionMunicipality" rm JOIN "Municipality" m ON m."code" = rm."municipalityCode"
        JOIN "Prefecture" p ON p."code" = m."prefectureCode" WHERE rm."regionId" = r."id" ORDER BY m."code") x) AS "municipalities",
  (SELECT count(*) FROM "Team" t WHERE t."academyId" = a."id") AS "teams",
  (SELECT count(*) FROM "WorkshopSession" s WHERE s."academyId" = a."id") AS "sessions",
  (SELECT min(s."startsAt") FROM "WorkshopSession" s WHERE s."academyId" = a."id") AS "firstSessionAt",
  (SELECT max(s."startsAt") FROM "WorkshopSession" s WHERE s."academyId" = a."id") AS "lastSessionAt"`;

export async function listOpenAcademies(q: AcademyQuery, page: PageQuery) {
  const where = academyWhere(q);
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<unknown[]>`SELECT ${academyColumns} FROM "Academy" a JOIN "Region" r ON r."id" = a."regionId" WHERE ${where}
      ORDER BY a."fiscalYear" DESC, r."kana", r."name", a."id" LIMIT ${page.perPage} OFFSET ${(page.page - 1) * page.perPage}`,
    prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "Academy" a WHERE ${where}`,
  ]);
  return { data: rows.map(toAcademy), total: Number(count[0]?.n ?? 0) };
}

const SessionRow = z.object({
  id: z.string(),
  academyId: z.string(),
  sequence: z.coerce.number(),
  kind: z.string(),
  title: z.string(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  venueName: z.string(),
  venueAddress: z.string(),
  online: z.coerce.number(),
});

function toSession(row: unknown, now: Date) {
  const s = SessionRow.parse(row);
  return {
    id: s.id,
    academyId: s.academyId,
    sequence: s.sequence,
    kind: s.kind,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venueName ? { name: s.venueName, address: s.venueAddress } : null,
    online: s.online === 1,
    held: s.endsAt <= now,
  };
}

const sessionColumns = Prisma.sql`s."id", s."academyId", s."sequence", s."kind", s."title", s."startsAt", s."endsAt", s."venueName", s."venueAddress", (s."onlineUrl" <> '') AS "online"`;

/** One academy with its sessions; null when there is none. */
export async function openAcademy(academyId: string, now = new Date()) {
  const [rows, sessions] = await Promise.all([
    prisma.$queryRaw<unknown[]>`SELECT ${academyColumns} FROM "Academy" a JOIN "Region" r ON r."id" = a."regionId" WHERE ${academyWhere({ fiscalYear: null, status: null, prefecture: null }, academyId)}`,
    prisma.$queryRaw<unknown[]>`SELECT ${sessionColumns} FROM "WorkshopSession" s WHERE s."academyId" = ${academyId} ORDER BY s."sequence"`,
  ]);
  if (rows.length === 0) return null;
  return { ...toAcademy(rows[0]), sessions: sessions.map((s) => toSession(s, now)) };
}

export const SessionQuerySchema = AcademyQuerySchema.pick({ fiscal_year: true }).extend({
  academy_id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "academy_id is not an academy id").optional(),
  from: z.iso.date("from must be a date such as 2025-04-01").optional(),
  to: z.iso.date("to must be a date such as 2026-03-31").optional(),
});

export async function listOpenSessions(q: { fiscalYear: number | null; academyId: string | null; from: Date | null; to: Date | null }, page: PageQuery, now = new Date()) {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.fiscalYear) parts.push(Prisma.sql`a."fiscalYear" = ${q.fiscalYear}`);
  if (q.academyId) parts.push(Prisma.sql`s."academyId" = ${q.academyId}`);
  if (q.from) parts.push(Prisma.sql`s."startsAt" >= ${instant(q.from)}`);
  if (q.to) parts.push(Prisma.sql`s."startsAt" < ${instant(q.to)}`);
  const where = Prisma.join(parts, " AND ");
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<unknown[]>`SELECT ${sessionColumns} FROM "WorkshopSession" s JOIN "Academy" a ON a."id" = s."academyId" WHERE ${where}
      ORDER BY s."startsAt", s."id" LIMIT ${page.perPage} OFFSET ${(page.page - 1) * page.perPage}`,
    prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "WorkshopSession" s JOIN "Academy" a ON a."id" = s."academyId" WHERE ${where}`,
  ]);
  return { data: rows.map((r) => toSession(r, now)), total: Number(count[0]?.n ?? 0) };
}
