import { Prisma } from "~/utils/db.server";
import { instant } from "~/utils/sql.server";
import { takingPartSql } from "~/modules/academy/scope.server";

// "Released pre-learning" — the participant pre-learning items whose release has come — is what
// completion, the participant's dashboard, the reminders, the KPI report and the charts count.
// One definition, as a Prisma filter on AcademyMaterial and as SQL on `am` (AcademyMaterial) and
// `mt` (its Material).

/** Prisma filter on AcademyMaterial (add the academy condition yourself). */
export function releasedPreLearning(now: Date) {
  return { releaseAt: { lte: now }, material: { stageKey: "prelearning", audience: "participant" } } satisfies Prisma.AcademyMaterialWhereInput;
}

/** The material is participant pre-learning (SQL on the Material alias). */
export function preLearningMaterialSql(mt = "mt"): Prisma.Sql {
  if (!/^\w+$/.test(mt)) throw new Error(`preLearningMaterialSql: unexpected alias ${mt}`);
  return Prisma.raw(`${mt}."stageKey" = 'prelearning' AND ${mt}."audience" = 'participant'`);
}

/** releasedPreLearning as SQL: `now` a Date, or a value already made by instant(). */
export function releasedPreLearningSql(now: Date | string, am = "am", mt = "mt"): Prisma.Sql {
  if (!/^\w+$/.test(am)) throw new Error(`releasedPreLearningSql: unexpected alias ${am}`);
  return Prisma.sql`${Prisma.raw(`${am}."releaseAt"`)} <= ${now instanceof Date ? instant(now) : now} AND ${preLearningMaterialSql(mt)}`;
}

/**
 * Per team (ids from `teamIds`, an SQL list or sub-query): how many pre-learning items its
 * academy has released, how many members take part, and how many of them have done every
 * released item. Read with teamLearned() below: the team's pre-learning stage is done when
 * every member has learned (the completion page shows the same per person).
 */
export function teamLearningSql(teamIds: Prisma.Sql, now: Date): Prisma.Sql {
  const at = instant(now);
  const released = Prisma.sql`(SELECT count(*) FROM "AcademyMaterial" am JOIN "Material" mt ON mt."id" = am."materialId"
      WHERE am."academyId" = t."academyId" AND ${releasedPreLearningSql(at)})`;
  return Prisma.sql`SELECT t."id" AS "teamId", ${released} AS "released",
      (SELECT count(*) FROM "TeamMember" tm JOIN "Enrollment" e ON e."id" = tm."enrollmentId" WHERE tm."teamId" = t."id" AND ${takingPartSql("e")}) AS "members",
      (SELECT count(*) FROM "TeamMember" tm JOIN "Enrollment" e ON e."id" = tm."enrollmentId" WHERE tm."teamId" = t."id" AND ${takingPartSql("e")}
         AND (SELECT count(*) FROM "PreLearningCompletion" p JOIN "AcademyMaterial" am ON am."academyId" = p."academyId" AND am."materialId" = p."materialId"
                JOIN "Material" mt ON mt."id" = p."materialId" WHERE p."userId" = e."userId" AND p."academyId" = t."academyId" AND ${releasedPreLearningSql(at)}) >= ${released}) AS "learned"
    FROM "Team" t WHERE t."id" IN (${teamIds})`;
}

/** The team's pre-learning: true when every member has learned, false when someone has not, null when nothing is released (or nobody to learn). */
export function teamLearned(row: { released: unknown; members: unknown; learned: unknown }): boolean | null {
  const released = Number(row.released);
  const members = Number(row.members);
  if (released === 0 || members === 0) return null;
  return Number(row.learned) >= members;
}
