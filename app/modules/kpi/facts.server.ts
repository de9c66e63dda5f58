import { preLearningMaterialSql, releasedPreLearningSql } from "~/modules/material/prelearning-rule.server";
import { takingPartSql } from "~/modules/academy/scope.server";
import { prisma, Prisma } from "~/utils/db.server";
import { hoursBetween, instant, jsonArrayAgg, jsonTuple } from "~/utils/sql.server";
import { keptRead } from "~/utils/read-cache.server";
import { ADOPTED_STATUSES } from "~/modules/outcome/rules";

// What the KPI report counts, academy by academy (decision 0021): its sessions (when each ended,
// how long), its participants (their place, whether they completed by the academy's rule), its
// teams (their places, when a proposal of theirs was first adopted) and the places of its region.
// Each academy's facts are kept under the academy's revision — a token the database changes
// (triggers of migration 9z06) whenever one of FACT_TABLES is written for that academy, by this
// process, another one, a raw statement or an import. A report after a write counts again only
// the academies whose revision moved; the windows (year, quarter) and groupings are summed from
// the facts in report.server.ts.
//
// Completion depends on the clock only through pre-learning releases ("released by now"): an
// academy's facts hold from its latest release at or before the moment they were counted to its
// next release, and are counted again outside that span.

export interface Place {
  municipality: string | null;
  prefecture: string | null;
}

export interface AcademyFacts {
  id: string;
  regionId: string;
  sessions: { id: string; endsAt: number; hours: number }[];
  /** When the academy's last session ends (trained is counted then); null without sessions. */
  lastEndsAt: number | null;
  participants: (Place & { userId: string; trained: boolean })[];
  teams: { id: string; places: Place[]; adoptedAt: number | null }[];
  /** The municipalities of the academy's region (a session counts for each). */
  regionPlaces: Place[];
}

/** What the facts are counted from: the tables whose writes move an academy's revision (the migration's triggers). */
export const FACT_TABLES = ["Academy", "Enrollment", "Attendance", "PreLearningCompletion", "AcademyMaterial", "Material", "WorkshopSession", "Team", "TeamMunicipality", "ProposalOutcome", "RegionMunicipality", "Municipality"] as const;

type Person = [userId: string, municipality: string | null, prefecture: string | null, trained: number | boolean];

/**
 * An academy's participants as the statement lists them (JSON text from SQLite, parsed by
 * PostgreSQL's driver). Checked by hand, not by a zod schema: on the national data a schema took
 * ~100 ms for the 24,000 people of the first count.
 */
function peopleList(value: unknown): Person[] {
  const list: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(list) || !list.every((p) => Array.isArray(p) && p.length === 4 && typeof p[0] === "string")) throw new Error("KPI facts: unexpected participant list");
  return list as Person[];
}


interface Kept {
  revision: string;
  facts: AcademyFacts;
  /** The facts hold for a report's "now" in [since, until). */
  since: number;
  until: number;
}

const kept = new Map<string, Kept>();
/** Moves whenever a kept academy's facts change: part of the key of a summed report. */
let version = 0;
/** Academies counted since the process started (a test reads it: only the written academy is counted again). */
let counted = 0;
let refreshing: Promise<void> | null = null;

export function academiesCounted() {
  return counted;
}

/** A time read from the database as epoch milliseconds (Date, ISO text, or epoch ms written raw). */
function msOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  return Date.parse(String(value));
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every academy and its revision ("" when never written since the revisions began). */
function revisions() {
  return keptRead("kpi:revisions", FACT_TABLES, async () => {
    const rows = await prisma.$queryRaw<{ id: string; revision: string | null }[]>`
      SELECT a."id", r."revision" FROM "Academy" a LEFT JOIN "AcademyRevision" r ON r."academyId" = a."id"`;
    return rows.map((r) => ({ id: r.id, revision: r.revision ?? "" }));
  });
}

/** The facts of every academy, each up to date for `now`; `version` changes whenever any of them does. */
export async function academyFacts(now: Date): Promise<{ academies: AcademyFacts[]; version: number }> {
  const at = now.getTime();
  for (;;) {
    const current = await revisions();
    const stale = current.filter((r) => {
      const k = kept.get(r.id);
      return !k || k.revision !== r.revision || at < k.since || at >= k.until;
    });
    if (stale.length === 0) {
      if (kept.size !== current.length) {
        const ids = new Set(current.map((r) => r.id));
        for (const id of kept.keys()) if (!ids.has(id)) kept.delete(id);
        version++;
      }
      return { academies: current.map((r) => kept.get(r.id)!.facts), version };
    }
    // one count at a time; requests arriving meanwhile wait for it and look again
    if (refreshing) {
      await refreshing.catch(() => undefined);
      continue;
    }
    refreshing = countAcademies(stale, now).finally(() => {
      refreshing = null;
    });
    await refreshing;
  }
}

/** Count the facts of these academies as of `now` and keep them under the revisions read before. */
async function countAcademies(which: { id: string; revision: string }[], now: Date) {
  const CHUNK = 500;
  for (let i = 0; i < which.length; i += CHUNK) {
    const part = which.slice(i, i + CHUNK);
    const facts = await countFacts(part.map((r) => r.id), now);
    for (const r of part) {
      // an academy gone since its revision was read counts nothing until the list is read again
      // (kept, not dropped: dropping it would make the caller count it again and again)
      const f = facts.get(r.id) ?? { facts: emptyFacts(r.id), since: Number.NEGATIVE_INFINITY, until: Number.POSITIVE_INFINITY };
      kept.set(r.id, { revision: r.revision, ...f });
    }
    counted += part.length;
  }
  version++;
}

function emptyFacts(id: string, regionId = ""): AcademyFacts {
  return { id, regionId, sessions: [], lastEndsAt: null, participants: [], teams: [], regionPlaces: [] };
}

async function countFacts(ids: string[], now: Date) {
  const idList = Prisma.join(ids);
  const nowSql = instant(now);
  const [academies, sessions, participants, teams, places, releases] = await Promise.all([
    prisma.$queryRaw<{ id: string; regionId: string }[]>`SELECT "id", "regionId" FROM "Academy" WHERE "id" IN (${idList})`,
    prisma.$queryRaw<{ id: string; academyId: string; endsAt: unknown; hours: unknown }[]>`
      SELECT ws."id", ws."academyId", ws."endsAt", ${hoursBetween(Prisma.sql`ws."startsAt"`, Prisma.sql`ws."endsAt"`)} AS "hours"
      FROM "WorkshopSession" ws WHERE ws."academyId" IN (${idList})`,
    // completion: the academy's rule, as the completion page applies it (attendance.server.ts);
    // one JSON list per academy (24,000 rows read one by one cost ~3 times as much)
    prisma.$queryRaw<{ academyId: string; people: unknown }[]>`
      SELECT x."academyId", ${jsonArrayAgg(jsonTuple(Prisma.sql`x."userId", x."municipality", x."prefecture", x."trained"`))} AS "people" FROM (
      SELECT e."academyId", e."userId", e."municipalityCode" AS "municipality", m."prefectureCode" AS "prefecture",
        CASE WHEN (SELECT count(*) FROM "Attendance" at WHERE at."enrollmentId" = e."id" AND at."status" IN ('present', 'late')) >= a."completionMinSessions"
          AND (a."completionPreLearning" = FALSE OR
            (SELECT count(*) FROM "PreLearningCompletion" p JOIN "AcademyMaterial" am ON am."academyId" = p."academyId" AND am."materialId" = p."materialId" JOIN "Material" mt ON mt."id" = p."materialId"
              WHERE p."userId" = e."userId" AND p."academyId" = e."academyId" AND ${releasedPreLearningSql(nowSql)})
            >= COALESCE(r."n", 0))
        THEN 1 ELSE 0 END AS "trained"
      FROM "Enrollment" e JOIN "Academy" a ON a."id" = e."academyId" LEFT JOIN "Municipality" m ON m."code" = e."municipalityCode"
      LEFT JOIN (SELECT am."academyId", count(*) AS "n" FROM "AcademyMaterial" am JOIN "Material" mt ON mt."id" = am."materialId"
        WHERE am."academyId" IN (${idList}) AND ${releasedPreLearningSql(nowSql)} GROUP BY am."academyId") r ON r."academyId" = e."academyId"
      WHERE e."academyId" IN (${idList}) AND e."role" = 'participant' AND ${takingPartSql("e")}) x
      GROUP BY x."academyId"`,
    prisma.$queryRaw<{ id: string; academyId: string; municipality: string | null; prefecture: string | null; adoptedAt: unknown }[]>`
      SELECT t."id", t."academyId", tm."municipalityCode" AS "municipality", m."prefectureCode" AS "prefecture",
        (SELECT min(po."createdAt") FROM "ProposalOutcome" po WHERE po."teamId" = t."id" AND po."status" IN (${Prisma.join([...ADOPTED_STATUSES])})) AS "adoptedAt"
      FROM "Team" t LEFT JOIN "TeamMunicipality" tm ON tm."teamId" = t."id" LEFT JOIN "Municipality" m ON m."code" = tm."municipalityCode"
      WHERE t."academyId" IN (${idList})`,
    prisma.$queryRaw<{ regionId: string; municipality: string | null; prefecture: string | null }[]>`
      SELECT rm."regionId", rm."municipalityCode" AS "municipality", m."prefectureCode" AS "prefecture"
      FROM "RegionMunicipality" rm LEFT JOIN "Municipality" m ON m."code" = rm."municipalityCode"
      WHERE rm."regionId" IN (SELECT "regionId" FROM "Academy" WHERE "id" IN (${idList}))`,
    prisma.$queryRaw<{ academyId: string; releaseAt: unknown }[]>`
      SELECT am."academyId", am."releaseAt" FROM "AcademyMaterial" am JOIN "Material" mt ON mt."id" = am."materialId"
      WHERE am."academyId" IN (${idList}) AND ${preLearningMaterialSql("mt")}`,
  ]);
  const at = now.getTime();
  const out = new Map<string, Omit<Kept, "revision">>();
  const regionPlaces = new Map<string, Place[]>();
  for (const p of places) regionPlaces.set(p.regionId, [...(regionPlaces.get(p.regionId) ?? []), { municipality: text(p.municipality), prefecture: text(p.prefecture) }]);
  for (const a of academies) {
    out.set(a.id, {
      facts: { ...emptyFacts(a.id, a.regionId), regionPlaces: regionPlaces.get(a.regionId) ?? [] },
      since: Number.NEGATIVE_INFINITY,
      until: Number.POSITIVE_INFINITY,
    });
  }
  for (const s of sessions) {
    const f = out.get(s.academyId)?.facts;
    if (!f) continue;
    const endsAt = msOf(s.endsAt);
    f.sessions.push({ id: s.id, endsAt, hours: Number(s.hours) });
    f.lastEndsAt = f.lastEndsAt === null ? endsAt : Math.max(f.lastEndsAt, endsAt);
  }
  for (const row of participants) {
    const f = out.get(row.academyId)?.facts;
    if (!f) continue;
    for (const [userId, municipality, prefecture, trained] of peopleList(row.people)) f.participants.push({ userId, municipality, prefecture, trained: Number(trained) === 1 });
  }
  const teamsById = new Map<string, AcademyFacts["teams"][number]>();
  for (const t of teams) {
    let team = teamsById.get(t.id);
    if (!team) {
      team = { id: t.id, places: [], adoptedAt: t.adoptedAt === null || t.adoptedAt === undefined ? null : msOf(t.adoptedAt) };
      teamsById.set(t.id, team);
      out.get(t.academyId)?.facts.teams.push(team);
    }
    if (t.municipality !== null) team.places.push({ municipality: text(t.municipality), prefecture: text(t.prefecture) });
  }
  for (const r of releases) {
    const k = out.get(r.academyId);
    if (!k) continue;
    const releaseAt = msOf(r.releaseAt);
    if (releaseAt <= at) k.since = Math.max(k.since, releaseAt);
    else k.until = Math.min(k.until, releaseAt);
  }
  return out;
}
