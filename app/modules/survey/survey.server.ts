import { TAKING_PART } from "~/modules/account/permissions";
import { dbNumber } from "~/utils/raw-read";
import { jsonNumberAt } from "~/utils/sql.server";
import { prisma, Prisma } from "~/utils/db.server";
import { fail, type Result } from "~/utils/result";
import { recordAudit } from "~/modules/audit/audit.server";
import { itemsOf, SATISFACTION_ITEMS, SKILL_ITEMS, type SurveyKind } from "./items";

// Who may answer which survey when, storing one answer per person per survey, and the results
// aggregated in SQL (means per item, response counts) for the charts.

export interface SurveyInfo {
  kind: SurveyKind;
  sessionId: string | null;
  sequence: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
}

/** The academy's surveys with their windows: pre until the first session ends, post from the last session's start, each session's from its start. */
export async function academySurveys(academyId: string): Promise<SurveyInfo[]> {
  const sessions = await prisma.workshopSession.findMany({ where: { academyId }, orderBy: { sequence: "asc" }, select: { id: true, sequence: true, startsAt: true, endsAt: true } });
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  return [
    { kind: "skills_pre", sessionId: null, sequence: null, opensAt: null, closesAt: first ? first.endsAt : null },
    ...sessions.map((s) => ({ kind: "satisfaction" as const, sessionId: s.id, sequence: s.sequence, opensAt: s.startsAt, closesAt: null })),
    { kind: "skills_post", sessionId: null, sequence: null, opensAt: last ? last.startsAt : null, closesAt: null },
  ];
}

export function isOpen(s: Pick<SurveyInfo, "opensAt" | "closesAt">, now: Date) {
  return (!s.opensAt || s.opensAt <= now) && (!s.closesAt || now < s.closesAt);
}

export function surveyKey(kind: SurveyKind, sessionId: string | null) {
  return kind === "satisfaction" ? `satisfaction:${sessionId}` : kind;
}

export async function myAnswers(academyId: string, userId: string) {
  const rows = await prisma.surveyResponse.findMany({ where: { academyId, userId }, select: { surveyKey: true, createdAt: true } });
  return new Map(rows.map((r) => [r.surveyKey, r.createdAt]));
}

export async function submitAnswer(
  academyId: string,
  userId: string,
  survey: SurveyInfo,
  answers: Record<string, number>,
  comment: string,
  now = new Date(),
): Promise<Result> {
  if (!isOpen(survey, now)) return fail(survey.opensAt && now < survey.opensAt ? "survey.error.notYet" : "survey.error.closed");
  const enrolled = await prisma.enrollment.count({ where: { academyId, userId, role: "participant", status: TAKING_PART } });
  if (enrolled === 0) return fail("survey.error.notParticipant");
  const picked = Object.fromEntries(itemsOf(survey.kind).map((i) => [i, answers[i]]));
  try {
    await prisma.surveyResponse.create({
      data: { academyId, userId, kind: survey.kind, sessionId: survey.sessionId, surveyKey: surveyKey(survey.kind, survey.sessionId), answers: JSON.stringify(picked), comment },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("survey.error.already");
    throw error;
  }
  return { ok: true };
}

const num = dbNumber.nullable();

/**
 * Anonymous answers of a survey are shown (means, comments) only from this many answers: with
 * fewer, a team of six could tell whose they are — as survey tools hold back small groups.
 */
export const MIN_ANSWERS_SHOWN = 3;

/** Whether a survey's answers are shown: always when names are shown; anonymous ones from MIN_ANSWERS_SHOWN answers. */
export function answersShown(n: number, anonymous: boolean) {
  return !anonymous || n >= MIN_ANSWERS_SHOWN;
}

/** Means per item and answer counts, per survey: one statement. Means of a survey whose answers are not shown are null (`shown` false). */
export async function surveyResults(academyId: string, anonymous: boolean) {
  const items = [...new Set([...SKILL_ITEMS, ...SATISFACTION_ITEMS])];
  const means = items.map((i) => Prisma.sql`avg(${jsonNumberAt(Prisma.sql`r."answers"`, i)}) AS ${Prisma.raw(`"${i}"`)}`);
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT r."surveyKey", r."kind", r."sessionId", count(*) AS "n", ${Prisma.join(means)}
    FROM "SurveyResponse" r WHERE r."academyId" = ${academyId}
    GROUP BY r."surveyKey", r."kind", r."sessionId"`;
  const bySurvey = new Map(
    rows.map((r) => {
      const n = Number(r.n);
      const shown = answersShown(n, anonymous);
      return [String(r.surveyKey), { n, shown, means: Object.fromEntries(items.map((i) => [i, shown ? num.parse(r[i] ?? null) : null])) as Record<string, number | null> }];
    }),
  );
  const participants = await prisma.enrollment.count({ where: { academyId, role: "participant", status: TAKING_PART } });
  return { bySurvey, participants };
}

/** The comments of an academy's surveys, newest first, with names only when the academy shows them; none of the surveys `withheld` (answersShown). */
export async function surveyComments(academyId: string, showNames: boolean, withheld: readonly string[] = [], take = 100) {
  const rows = await prisma.surveyResponse.findMany({
    where: { academyId, comment: { not: "" }, ...(withheld.length > 0 ? { surveyKey: { notIn: [...withheld] } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, sessionId: true, comment: true, createdAt: true, userId: true },
  });
  const names = showNames ? new Map((await prisma.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName])) : new Map<string, string>();
  return rows.map((r) => ({ id: r.id, kind: r.kind, sessionId: r.sessionId, comment: r.comment, createdAt: r.createdAt.toISOString(), name: names.get(r.userId) ?? null }));
}

export async function surveysAnonymous(academyId: string) {
  const academy = await prisma.academy.findUniqueOrThrow({ where: { id: academyId }, select: { surveysAnonymous: true } });
  return academy.surveysAnonymous;
}

/** The coordinator chooses whether comments show names (audited). */
export async function setSurveysAnonymous(actorId: string, academyId: string, anonymous: boolean) {
  await prisma.$transaction(async (tx) => {
    await tx.academy.update({ where: { id: academyId }, data: { surveysAnonymous: anonymous } });
    await recordAudit({ actorId, action: "academy.survey_anonymity", entityType: "academy", entityId: academyId, after: { surveysAnonymous: anonymous } }, tx);
  });
}
