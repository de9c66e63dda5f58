import { takingPartSql } from "~/modules/academy/scope.server";
import { academiesWhere } from "~/modules/account/permissions";
import { jsonArrayAgg, jsonTuple } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import { keptRead } from "~/utils/read-cache.server";
import { stageDueDates, teamDeadline } from "~/modules/deliverable/deadline";
import { academyPhase, handsIn, stageStates, type DeliverableStatus, type StageState } from "~/modules/deliverable/progress";
import { teamLearned, teamLearningSql } from "~/modules/material/prelearning-rule.server";
import { isDefaultStageKey, DEFAULT_STAGE_KEYS } from "~/modules/stage/stages";
import type { SessionUser } from "~/utils/session.server";
import { STALLED_AFTER_DAYS, type BoardFilter } from "./filter";

// The progress board: every team of one fiscal year × its stages, across regions, with the teams
// that need attention (overdue, stalled). A fiscal year holds a bounded number of teams (about 400
// at national scale), so the whole year is read in six statements and the states are computed
// here with the same rules as the team's own step indicator (deliverable/progress.ts); the page
// shows one slice of it. See docs/decisions/0012-progress-and-kpis.md.

export const BOARD_PAGE_SIZE = 50;

const TeamRow = z.object({
  id: z.string(),
  name: z.string(),
  themeTitle: z.string(),
  academyId: z.string(),
  academyName: z.string(),
  academyStatus: z.string(),
  regionName: z.string(),
  facilitatorName: z.string().nullable(),
  createdAt: z.coerce.date(),
});
const StageRow = z.object({
  id: z.string(),
  academyId: z.string(),
  key: z.string(),
  title: z.string(),
  position: z.coerce.number(),
  deliverable: z.string(),
  dueAt: z.coerce.date().nullable(),
  cutoffAt: z.coerce.date().nullable(),
  sessionStartsAt: z.coerce.date().nullable(),
});
const SessionRow = z.object({ academyId: z.string(), startsAt: z.coerce.date() });
const DeliverableList = z.object({ teamId: z.string(), list: jsonArray(z.tuple([z.string(), z.string(), z.number(), z.string()])) });
const ExtensionRow = z.object({ teamId: z.string(), stageId: z.string(), dueAt: z.coerce.date() });

export interface BoardCell {
  stageId: string;
  state: StageState;
  dueAt: Date | null;
}

export interface BoardTeam {
  id: string;
  name: string;
  themeTitle: string;
  academyId: string;
  academyName: string;
  regionName: string;
  facilitatorName: string | null;
  /** stage key → the team's state there (absent: the academy has no such stage) */
  cells: Record<string, BoardCell>;
  currentKey: string | null;
  /** stage keys whose state is overdue, in path order */
  overdueKeys: string[];
  overdue: boolean;
  stalled: boolean;
  lastActivityAt: Date;
}

/** The SQL condition choosing the teams of the filter that the user may see (alias t, a). */
function teamWhere(user: Pick<SessionUser, "id" | "permissions" | "enrollments">, filter: BoardFilter) {
  const parts: Prisma.Sql[] = [Prisma.sql`a."fiscalYear" = ${filter.fiscalYear}`];
  if (!user.permissions.includes("read:team:any")) {
    const staff = academiesWhere(user, "runSessions");
    parts.push(staff.length > 0 ? Prisma.sql`t."academyId" IN (${Prisma.join(staff)})` : Prisma.sql`FALSE`);
  }
  if (filter.academyId) parts.push(Prisma.sql`t."academyId" = ${filter.academyId}`);
  if (filter.regionId) parts.push(Prisma.sql`a."regionId" = ${filter.regionId}`);
  if (filter.prefecture) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RegionMunicipality" rm JOIN "Municipality" m ON m."code" = rm."municipalityCode"
                                   WHERE rm."regionId" = a."regionId" AND m."prefectureCode" = ${filter.prefecture})`);
  }
  if (filter.facilitatorId) {
    // the teams this facilitator looks after: assigned to them, or to nobody in an academy they facilitate
    parts.push(Prisma.sql`(t."facilitatorId" = ${filter.facilitatorId} OR (t."facilitatorId" IS NULL AND EXISTS (
      SELECT 1 FROM "Enrollment" fe WHERE fe."academyId" = t."academyId" AND fe."userId" = ${filter.facilitatorId} AND fe."role" = 'facilitator' AND ${takingPartSql("fe")})))`);
  }
  return Prisma.join(parts, " AND ");
}

/** What the progress of a year is counted from: kept until one of these is written (read-cache.server.ts). */
const PROGRESS_TABLES = ["Team", "Academy", "Region", "User", "Stage", "WorkshopSession", "Deliverable", "StageExtension", "Enrollment", "RegionMunicipality", "Municipality", "TeamMember", "PreLearningCompletion", "AcademyMaterial", "Material"];

/**
 * Every team of the filter with its state per stage (six statements whatever the data size),
 * kept per scope and filter until a table it reads is written (at most a minute: overdue and
 * stalled move with the clock). The scope in the key is what the user may see now.
 */
export function progressOfYear(user: Pick<SessionUser, "id" | "permissions" | "enrollments">, filter: BoardFilter, now = new Date()): Promise<{ teams: readonly BoardTeam[]; stageKeys: readonly string[] }> {
  const scope = user.permissions.includes("read:team:any")
    ? "any"
    : academiesWhere(user, "runSessions").sort().join(",");
  const { fiscalYear, academyId, regionId, prefecture, facilitatorId } = filter;
  const key = `progress:${scope}:${JSON.stringify([fiscalYear, academyId, regionId, prefecture, facilitatorId])}`;
  return keptRead(key, PROGRESS_TABLES, () => countProgressOfYear(user, filter, now));
}

async function countProgressOfYear(user: Pick<SessionUser, "id" | "permissions" | "enrollments">, filter: BoardFilter, now: Date): Promise<{ teams: BoardTeam[]; stageKeys: string[] }> {
  const where = teamWhere(user, filter);
  const teamsOf = Prisma.sql`SELECT t."id" FROM "Team" t JOIN "Academy" a ON a."id" = t."academyId" WHERE ${where}`;
  const academiesOf = Prisma.sql`SELECT DISTINCT t."academyId" FROM "Team" t JOIN "Academy" a ON a."id" = t."academyId" WHERE ${where}`;
  const [teamRows, stageRows, sessionRows, deliverableRows, extensionRows, learningRows] = await Promise.all([
    prisma.$queryRaw<unknown[]>`
      SELECT t."id", t."name", t."themeTitle", t."academyId", a."name" AS "academyName", a."status" AS "academyStatus",
             r."name" AS "regionName", fu."displayName" AS "facilitatorName", t."createdAt"
      FROM "Team" t JOIN "Academy" a ON a."id" = t."academyId" JOIN "Region" r ON r."id" = a."regionId"
      LEFT JOIN "User" fu ON fu."id" = t."facilitatorId"
      WHERE ${where}
      ORDER BY r."kana", r."name", a."id", t."name", t."id"`,
    prisma.$queryRaw<unknown[]>`
      SELECT s."id", s."academyId", s."key", s."title", s."position", s."deliverable", s."dueAt", s."cutoffAt", ws."startsAt" AS "sessionStartsAt"
      FROM "Stage" s LEFT JOIN "WorkshopSession" ws ON ws."id" = s."sessionId"
      WHERE s."academyId" IN (${academiesOf}) ORDER BY s."academyId", s."position"`,
    prisma.$queryRaw<unknown[]>`SELECT "academyId", "startsAt" FROM "WorkshopSession" WHERE "academyId" IN (${academiesOf})`,
    // one row per team (a JSON list of its deliverables): far fewer rows through the query engine
    prisma.$queryRaw<unknown[]>`SELECT "teamId", ${jsonArrayAgg(jsonTuple(Prisma.sql`"stageId", "status", "latestVersion", "updatedAt"`))} AS "list"
      FROM "Deliverable" WHERE "teamId" IN (${teamsOf}) GROUP BY "teamId"`,
    prisma.$queryRaw<unknown[]>`SELECT "teamId", "stageId", "dueAt" FROM "StageExtension" WHERE "teamId" IN (${teamsOf})`,
    prisma.$queryRaw<{ teamId: string; released: unknown; members: unknown; learned: unknown }[]>(teamLearningSql(teamsOf, now)),
  ]);
  const learnedOf = new Map(learningRows.map((r) => [r.teamId, teamLearned(r)]));
  const stagesByAcademy = groupBy(stageRows.map((r) => StageRow.parse(r)), (s) => s.academyId);
  const sessionsByAcademy = groupBy(sessionRows.map((r) => SessionRow.parse(r)), (s) => s.academyId);
  const deliverables = new Map<string, { status: string; latestVersion: number; updatedAt: Date }>();
  for (const row of deliverableRows) {
    const { teamId, list } = DeliverableList.parse(row);
    for (const [stageId, status, latestVersion, updatedAt] of list) deliverables.set(`${teamId}:${stageId}`, { status, latestVersion, updatedAt: new Date(updatedAt) });
  }
  const extensions = new Map(extensionRows.map((r) => ExtensionRow.parse(r)).map((x) => [`${x.teamId}:${x.stageId}`, x.dueAt]));
  const dueByAcademy = new Map<string, Map<string, Date | null>>();
  for (const [academyId, stages] of stagesByAcademy) {
    dueByAcademy.set(
      academyId,
      stageDueDates(
        stages.map((s) => ({ id: s.id, dueAt: s.dueAt, cutoffAt: s.cutoffAt, sessionStartsAt: s.sessionStartsAt })),
        (sessionsByAcademy.get(academyId) ?? []).map((s) => s.startsAt),
      ),
    );
  }
  const keyPosition = new Map<string, number>();
  for (const stages of stagesByAcademy.values()) for (const s of stages) keyPosition.set(s.key, Math.min(keyPosition.get(s.key) ?? Infinity, s.position));
  const stalledBefore = now.getTime() - STALLED_AFTER_DAYS * 24 * 3600 * 1000;
  const teams = teamRows.map((r): BoardTeam => {
    const team = TeamRow.parse(r);
    const stages = stagesByAcademy.get(team.academyId) ?? [];
    const due = dueByAcademy.get(team.academyId) ?? new Map();
    const progress = stages.map((s) => {
      const d = deliverables.get(`${team.id}:${s.id}`);
      return {
        id: s.id,
        deliverable: s.deliverable,
        deadline: teamDeadline(due.get(s.id) ?? null, s.cutoffAt, extensions.get(`${team.id}:${s.id}`)),
        status: (d?.status ?? null) as DeliverableStatus | null,
        latestVersion: d?.latestVersion ?? 0,
        updatedAt: d?.updatedAt ?? null,
        learned: s.key === "prelearning" ? (learnedOf.get(team.id) ?? null) : undefined,
      };
    });
    const { states, currentIndex } = stageStates(progress, now, academyPhase(team.academyStatus));
    const cells: Record<string, BoardCell> = {};
    stages.forEach((s, i) => (cells[s.key] = { stageId: s.id, state: states[i]!, dueAt: progress[i]!.deadline.dueAt }));
    const lastActivityAt = new Date(Math.max(team.createdAt.getTime(), ...progress.map((p) => p.updatedAt?.getTime() ?? 0)));
    const open = stages.some((s, i) => handsIn(s.deliverable) && states[i] !== "done");
    const running = team.academyStatus === "running";
    return {
      id: team.id,
      name: team.name,
      themeTitle: team.themeTitle,
      academyId: team.academyId,
      academyName: team.academyName,
      regionName: team.regionName,
      facilitatorName: team.facilitatorName,
      cells,
      currentKey: currentIndex >= 0 ? stages[currentIndex]!.key : null,
      overdueKeys: stages.filter((_, i) => states[i] === "overdue").map((s) => s.key),
      overdue: states.includes("overdue"),
      stalled: running && open && lastActivityAt.getTime() < stalledBefore,
      lastActivityAt,
    };
  });
  const stageKeys = [...keyPosition.keys()].sort((a, b) => order(a, keyPosition) - order(b, keyPosition) || a.localeCompare(b));
  return { teams, stageKeys };
}

/** Default stages in their path order; an academy's own stages by their position among them. */
function order(key: string, positions: Map<string, number>) {
  return isDefaultStageKey(key) ? DEFAULT_STAGE_KEYS.indexOf(key) * 10 : (positions.get(key) ?? 99) * 10 + 5;
}

function groupBy<T>(rows: T[], key: (row: T) => string) {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export interface BoardSummary {
  teams: number;
  overdue: number;
  stalled: number;
  /** teams whose current stage is this key ("finished": every stage done) */
  byCurrentStage: Record<string, number>;
}

export function summarise(teams: readonly BoardTeam[]): BoardSummary {
  const byCurrentStage: Record<string, number> = {};
  for (const t of teams) byCurrentStage[t.currentKey ?? "finished"] = (byCurrentStage[t.currentKey ?? "finished"] ?? 0) + 1;
  return { teams: teams.length, overdue: teams.filter((t) => t.overdue).length, stalled: teams.filter((t) => t.stalled).length, byCurrentStage };
}

export function needingAttention(teams: readonly BoardTeam[], attention: BoardFilter["attention"]) {
  if (attention === "overdue") return teams.filter((t) => t.overdue);
  if (attention === "stalled") return teams.filter((t) => t.stalled);
  if (attention === "atRisk") return teams.filter((t) => t.overdue || t.stalled);
  return teams;
}

/** The board page: summary of the whole filter, one page of rows, the options of the filter form. */
export async function progressBoard(user: SessionUser, filter: BoardFilter, now = new Date()) {
  const [{ teams, stageKeys }, options] = await Promise.all([progressOfYear(user, filter, now), boardOptions(user, filter.fiscalYear)]);
  const shown = needingAttention(teams, filter.attention);
  const pages = Math.max(1, Math.ceil(shown.length / BOARD_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  return {
    summary: summarise(teams),
    stageKeys,
    rows: shown.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE),
    shownCount: shown.length,
    page,
    pages,
    options,
    now,
  };
}

const OptionRow = z.object({ kind: z.string(), id: z.string(), name: z.string() });

/** Academies, regions, prefectures and facilitators of the fiscal year the user may see, in one statement. */
async function boardOptions(user: Pick<SessionUser, "id" | "permissions" | "enrollments">, fiscalYear: number) {
  const scope = user.permissions.includes("read:team:any")
    ? Prisma.sql`TRUE`
    : Prisma.sql`a."id" IN (${Prisma.join([...academiesWhere(user, "runSessions"), ""])})`;
  const rows = await prisma.$queryRaw<unknown[]>`
    WITH ya AS (SELECT a."id", a."name", a."regionId" FROM "Academy" a WHERE a."fiscalYear" = ${fiscalYear} AND ${scope})
    SELECT 'academy' AS "kind", ya."id", ya."name" FROM ya
    UNION ALL SELECT DISTINCT 'region', r."id", r."name" FROM ya JOIN "Region" r ON r."id" = ya."regionId"
    UNION ALL SELECT DISTINCT 'prefecture', p."code", p."name" FROM ya JOIN "RegionMunicipality" rm ON rm."regionId" = ya."regionId"
      JOIN "Municipality" m ON m."code" = rm."municipalityCode" JOIN "Prefecture" p ON p."code" = m."prefectureCode"
    UNION ALL SELECT DISTINCT 'facilitator', u."id", u."displayName" FROM ya JOIN "Enrollment" e ON e."academyId" = ya."id" AND e."role" = 'facilitator' AND ${takingPartSql("e")}
      JOIN "User" u ON u."id" = e."userId"
    ORDER BY 1, 2`;
  const options = { academies: [] as Option[], regions: [] as Option[], prefectures: [] as Option[], facilitators: [] as Option[] };
  for (const r of rows) {
    const o = OptionRow.parse(r);
    const list = o.kind === "academy" ? options.academies : o.kind === "region" ? options.regions : o.kind === "prefecture" ? options.prefectures : options.facilitators;
    list.push({ id: o.id, name: o.name });
  }
  for (const list of [options.academies, options.regions, options.facilitators]) list.sort((a, b) => a.name.localeCompare(b.name, "ja"));
  return options;
}

export interface Option {
  id: string;
  name: string;
}
