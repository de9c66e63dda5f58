import { jsonArrayAgg } from "~/utils/sql.server";
import { z } from "zod";
import { Prisma } from "~/utils/db.server";
import { jsonArray } from "~/utils/raw-read";

// What every team card shows besides its own columns: the lead's name and the governments, as
// raw-read columns of a query over "Team" t (decision 0008), and their parsed shape.

export const teamSummaryColumns = Prisma.sql`
  (SELECT u."displayName" FROM "User" u WHERE u."id" = t."leadId") AS "leadName",
  (SELECT ${jsonArrayAgg(Prisma.sql`m."name"`)} FROM (SELECT mu."name" FROM "TeamMunicipality" tm JOIN "Municipality" mu ON mu."code" = tm."municipalityCode"
     WHERE tm."teamId" = t."id" ORDER BY mu."code") m) AS "municipalities"`;

export const teamSummaryFields = {
  id: z.string(),
  name: z.string(),
  themeTitle: z.string(),
  leadName: z.string().nullable(),
  municipalities: jsonArray(z.string()),
};

export function toTeamSummary(t: { id: string; name: string; themeTitle: string; leadName: string | null; municipalities: string[] }) {
  return {
    id: t.id,
    name: t.name,
    themeTitle: t.themeTitle,
    lead: t.leadName === null ? null : { displayName: t.leadName },
    municipalities: t.municipalities.map((name) => ({ municipality: { name } })),
  };
}
