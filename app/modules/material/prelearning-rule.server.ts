import { Prisma } from "~/utils/db.server";
import { instant } from "~/utils/sql.server";

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
