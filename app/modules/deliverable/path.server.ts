import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import { teamScopeSqlIn } from "~/modules/academy/scope.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { academyPhase, needsAction, stageStates, type DeliverableStatus, type StageState } from "./progress";
import { teamLearned, teamLearningSql } from "~/modules/material/prelearning-rule.server";
import { stageDueDates, teamDeadline, type TeamDeadline } from "./deadline";

// A team's path: its stages with due dates (the team's extensions applied), deliverable status
// and where the team stands. One statement whatever the size of the academy.

export interface TeamRef {
  id: string;
  name: string;
  themeTitle: string;
  academyId: string;
  facilitatorId: string | null;
  /** the signed-in person is a member of this team (may edit and submit its work) */
  isMember: boolean;
}

// Stryker disable next-line ObjectLiteral: static — evaluated once when the module loads, which the mutation runner does not repeat per mutant
const TeamRefRow = z.object({ id: z.string(), name: z.string(), themeTitle: z.string(), academyId: z.string(), facilitatorId: z.string().nullable(), member: z.coerce.number() });

/** The team if the context may see it (else null: the route answers 404); one raw statement. */
export async function findTeam(context: AcademyContext, teamId: string): Promise<TeamRef | null> {
  const scope = teamScopeSqlIn(context);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent — no scope is tested by the route matrix's 404s; an id beyond 64 characters is never found
  if (!scope || !teamId || teamId.length > 64) return null;
  // Stryker disable StringLiteral: equivalent — without an enrollment no member row can match any placeholder
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT t."id", t."name", t."themeTitle", t."academyId", t."facilitatorId",
           EXISTS (SELECT 1 FROM "TeamMember" m WHERE m."teamId" = t."id" AND m."enrollmentId" = ${context.enrollment?.id ?? ""}) AS "member"
    FROM "Team" t WHERE t."id" = ${teamId} AND ${scope}`;
  // Stryker restore StringLiteral
  if (rows.length === 0) return null;
  const { member, ...team } = TeamRefRow.parse(rows[0]);
  // Stryker disable next-line ConditionalExpression: equivalent — one who works in a team (a participant) sees no team but their own, so the team found is theirs
  return { ...team, isMember: member === 1 && context.can.workInTeam };
}

/** The same reference from a team already read with its members (the team page reads them anyway). */
export function teamRefOf(context: AcademyContext, team: { id: string; name: string; themeTitle: string; facilitatorId: string | null; members: { enrollmentId: string }[] }): TeamRef {
  // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent — a participant sees no team but their own (others answer 404 before this), and one who works in a team is enrolled
  const isMember = context.can.workInTeam && team.members.some((m) => m.enrollmentId === context.enrollment?.id);
  return { id: team.id, name: team.name, themeTitle: team.themeTitle, academyId: context.academy.id, facilitatorId: team.facilitatorId, isMember };
}

export interface PathStage {
  id: string;
  key: string;
  title: string;
  position: number;
  deliverable: string;
  session: { id: string; sequence: number; startsAt: Date } | null;
  deadline: TeamDeadline;
  status: DeliverableStatus | null;
  latestVersion: number;
  submittedAt: Date | null;
  state: StageState;
}

const PathRow = z.object({
  stages: jsonArray(
    z.object({
      id: z.string(),
      key: z.string(),
      title: z.string(),
      position: z.number(),
      deliverable: z.string(),
      dueAt: z.coerce.date().nullable(),
      cutoffAt: z.coerce.date().nullable(),
      session: z.object({ id: z.string(), sequence: z.number(), startsAt: z.coerce.date() }).nullable(),
    }),
  ),
  sessions: jsonArray(
    z.object({ id: z.string(), sequence: z.number(), title: z.string(), kind: z.string(), startsAt: z.coerce.date(), endsAt: z.coerce.date(), homework: z.string(), venueName: z.string(), venueAddress: z.string(), online: z.coerce.boolean() }),
  ),
  deliverables: jsonArray(z.object({ stageId: z.string(), status: z.string(), latestVersion: z.number(), submittedAt: z.coerce.date().nullable() })),
  extensions: jsonArray(z.object({ stageId: z.string(), dueAt: z.coerce.date(), reason: z.string() })),
  academyStatus: z.string(),
  released: z.unknown(),
  members: z.unknown(),
  learned: z.unknown(),
});

/** Stages, sessions, the team's deliverables and extensions: one raw statement (decision 0008) instead of five. */
async function readPath(team: { id: string; academyId: string }, now: Date) {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT l."released", l."members", l."learned", (SELECT "status" FROM "Academy" WHERE "id" = ${team.academyId}) AS "academyStatus",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', s."id", 'key', s."key", 'title', s."title", 'position', s."position", 'deliverable', s."deliverable",
                'dueAt', s."dueAt", 'cutoffAt', s."cutoffAt",
                'session', CASE WHEN s."sessionId" IS NULL THEN NULL ELSE ${jsonObject(Prisma.sql`'id', s."sessionId", 'sequence', s."sequence", 'startsAt', s."sessionStartsAt"`)} END`))}
         FROM (SELECT st.*, ws."sequence", ws."startsAt" AS "sessionStartsAt" FROM "Stage" st LEFT JOIN "WorkshopSession" ws ON ws."id" = st."sessionId"
                WHERE st."academyId" = ${team.academyId} ORDER BY st."position", st."id") s) AS "stages",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', w."id", 'sequence', w."sequence", 'title', w."title", 'kind', w."kind", 'startsAt', w."startsAt", 'endsAt', w."endsAt", 'homework', w."homework",
                'venueName', w."venueName", 'venueAddress', w."venueAddress", 'online', CASE WHEN w."onlineUrl" <> '' THEN 1 ELSE 0 END`))}
         FROM (SELECT * FROM "WorkshopSession" WHERE "academyId" = ${team.academyId} ORDER BY "startsAt", "id") w) AS "sessions",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'stageId', d."stageId", 'status', d."status", 'latestVersion', d."latestVersion", 'submittedAt', d."submittedAt"`))}
         FROM "Deliverable" d WHERE d."teamId" = ${team.id}) AS "deliverables",
      (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'stageId', x."stageId", 'dueAt', x."dueAt", 'reason', x."reason"`))}
         FROM "StageExtension" x WHERE x."teamId" = ${team.id}) AS "extensions"
    FROM (${teamLearningSql(Prisma.sql`${team.id}`, now)}) l`;
  return PathRow.parse(rows[0]);
}

export async function teamPath(team: { id: string; academyId: string }, now: Date) {
  const { stages, sessions, deliverables, extensions, academyStatus, ...learning } = await readPath(team, now);
  const learned = teamLearned(learning);
  const dueDates = stageDueDates(
    stages.map((s) => ({ id: s.id, dueAt: s.dueAt, cutoffAt: s.cutoffAt, sessionStartsAt: s.session?.startsAt ?? null })),
    sessions.map((s) => s.startsAt),
  );
  const byStage = new Map(deliverables.map((d) => [d.stageId, d]));
  const extensionOf = new Map(extensions.map((e) => [e.stageId, e]));
  const rows = stages.map((s) => {
    const d = byStage.get(s.id);
    return {
      id: s.id,
      key: s.key,
      title: s.title,
      position: s.position,
      deliverable: s.deliverable,
      session: s.session,
      deadline: teamDeadline(dueDates.get(s.id) ?? null, s.cutoffAt, extensionOf.get(s.id)?.dueAt),
      status: (d?.status ?? null) as DeliverableStatus | null,
      latestVersion: d?.latestVersion ?? 0,
      submittedAt: d?.submittedAt ?? null,
      learned: s.key === "prelearning" ? learned : undefined,
    };
  });
  const { states, currentIndex } = stageStates(rows, now, academyPhase(academyStatus));
  const path: PathStage[] = rows.map((r, i) => ({ ...r, state: states[i]! }));
  return { stages: path, currentIndex, sessions, extensions: extensionOf };
}

/** What the team has to do: every stage asking something of it now (stageStates), the current one first. */
export function toDo(stages: readonly PathStage[], currentIndex: number) {
  const open = stages.filter((s) => needsAction(s.state));
  const current = stages[currentIndex];
  return current && open.includes(current) ? [current, ...open.filter((s) => s !== current)] : open;
}

/** The next workshop session: the first that has not ended. */
export function nextSession<T extends { endsAt: Date }>(sessions: readonly T[], now: Date) {
  return sessions.find((s) => s.endsAt >= now) ?? null;
}

/** Homework set at the last session held (the most recent one that has started and has homework). */
export function lastHomework(sessions: readonly { sequence: number; title: string; startsAt: Date; homework: string }[], now: Date) {
  return [...sessions].reverse().find((s) => s.startsAt <= now && s.homework.trim() !== "") ?? null;
}
