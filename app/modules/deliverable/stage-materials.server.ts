import { jsonArrayAgg, jsonObject, instant } from "~/utils/sql.server";
import { z } from "zod";
import { Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";
import type { AcademyContext } from "~/modules/academy/context.server";

// The materials of one stage of an academy as a JSON array, for the raw reads of the stage page
// and the team workspace: participants see released participant materials only, staff see all
// (unreleased ones and facilitator guides too); in catalogue order, at most 30.

export const StageMaterialList = jsonArray(
  z.object({ materialId: z.string(), releaseAt: z.coerce.date(), title: z.string(), titleEn: z.string(), audience: z.string(), kind: z.string() }),
);

/**
 * What the context may see of an academy's materials (`am` AcademyMaterial, `material` the
 * Material's alias): staff all, others released participant ones. SQL twin of visibleWhere
 * (material/release.server.ts); every raw read of materials uses this one.
 */
export function visibleMaterialsSql(context: AcademyContext, now: Date, material = "mt"): Prisma.Sql {
  return context.can.seeStaffMaterials ? Prisma.empty : Prisma.sql`AND am."releaseAt" <= ${instant(now)} AND ${Prisma.raw(`${material}."audience"`)} = 'participant'`;
}

/** A scalar subquery giving the JSON array (use as `(${stageMaterialsJson(…)})`). */
export function stageMaterialsJson(context: AcademyContext, stageId: string, now: Date): Prisma.Sql {
  const released = visibleMaterialsSql(context, now);
  return Prisma.sql`SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'materialId', m."materialId", 'releaseAt', m."releaseAt", 'title', m."title", 'titleEn', m."titleEn", 'audience', m."audience", 'kind', m."kind"`))}
    FROM (SELECT am."materialId", am."releaseAt", mt."title", mt."titleEn", mt."audience", mt."kind" FROM "AcademyMaterial" am JOIN "Material" mt ON mt."id" = am."materialId"
           WHERE am."academyId" = ${context.academy.id} AND am."stageId" = ${stageId} ${released}
           ORDER BY mt."sortOrder", mt."title", am."id" LIMIT 30) m`;
}

export function toStageMaterial({ materialId, releaseAt, ...material }: z.infer<typeof StageMaterialList>[number]) {
  return { materialId, releaseAt, material };
}
