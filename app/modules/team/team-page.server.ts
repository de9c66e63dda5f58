import { asJson, jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { teamScopeSqlIn } from "~/modules/academy/scope.server";
import { jsonArray } from "~/utils/raw-read";
import type { AcademyContext } from "~/modules/academy/context.server";

// A team with its governments and members (each with department, account state and latest
// invitation) in one statement instead of eight (decision 0008's raw reads). Visibility is the
// same as teamScopeIn: staff who see every team of the academy, or a member of this team.

const Invitation = z.object({ id: z.string(), createdAt: z.coerce.date(), expiresAt: z.coerce.date(), acceptedAt: z.coerce.date().nullable(), revokedAt: z.coerce.date().nullable() });
const TeamRow = z.object({
  id: z.string(),
  name: z.string(),
  themeTitle: z.string(),
  problemStatement: z.string(),
  leadId: z.string().nullable(),
  facilitatorId: z.string().nullable(),
  facilitatorName: z.string().nullable(),
  municipalityCodes: jsonArray(z.string()),
  members: jsonArray(
    z.object({
      id: z.string(),
      teamRole: z.string(),
      enrollmentId: z.string(),
      department: z.string(),
      userId: z.string(),
      displayName: z.string(),
      email: z.string(),
      hasPassword: z.coerce.number(),
      // a JSON value inside json_object arrives parsed
      invitation: Invitation.nullable(),
    }),
  ),
});

export async function getTeam(context: AcademyContext, teamId: string) {
  const scope = teamScopeSqlIn(context);
  if (!scope || !teamId || teamId.length > 64) return null;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT t."id", t."name", t."themeTitle", t."problemStatement", t."leadId", t."facilitatorId", fu."displayName" AS "facilitatorName",
           (SELECT ${jsonArrayAgg(Prisma.sql`tm."municipalityCode"`)} FROM "TeamMunicipality" tm WHERE tm."teamId" = t."id") AS "municipalityCodes",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', m."id", 'teamRole', m."teamRole", 'enrollmentId', m."enrollmentId", 'department', m."department",
                     'userId', m."userId", 'displayName', m."displayName", 'email', m."email", 'hasPassword', m."hasPassword", 'invitation', ${asJson(Prisma.sql`m."invitation"`)}`))}
              FROM (SELECT tmb."id", tmb."teamRole", tmb."enrollmentId", e."department", u."id" AS "userId", u."displayName", u."email",
                           EXISTS (SELECT 1 FROM "Password" p WHERE p."userId" = u."id") AS "hasPassword",
                           (SELECT ${jsonObject(Prisma.sql`'id', i."id", 'createdAt', i."createdAt", 'expiresAt', i."expiresAt", 'acceptedAt', i."acceptedAt", 'revokedAt', i."revokedAt"`)}
                              FROM "Invitation" i WHERE i."userId" = u."id" ORDER BY i."createdAt" DESC LIMIT 1) AS "invitation"
                    FROM "TeamMember" tmb JOIN "Enrollment" e ON e."id" = tmb."enrollmentId" JOIN "User" u ON u."id" = e."userId"
                    WHERE tmb."teamId" = t."id" ORDER BY u."kana", u."id") m) AS "members"
    FROM "Team" t LEFT JOIN "User" fu ON fu."id" = t."facilitatorId"
    WHERE t."id" = ${teamId} AND ${scope}`;
  if (rows.length === 0) return null;
  const t = TeamRow.parse(rows[0]);
  return {
    id: t.id,
    name: t.name,
    themeTitle: t.themeTitle,
    problemStatement: t.problemStatement,
    leadId: t.leadId,
    facilitatorId: t.facilitatorId,
    facilitator: t.facilitatorName === null ? null : { displayName: t.facilitatorName },
    municipalities: t.municipalityCodes.map((municipalityCode) => ({ municipalityCode })),
    members: t.members.map((m) => ({
      id: m.id,
      teamRole: m.teamRole,
      enrollmentId: m.enrollmentId,
      department: m.department,
      user: {
        id: m.userId,
        displayName: m.displayName,
        email: m.email,
        password: m.hasPassword ? { userId: m.userId } : null,
        invitations: m.invitation ? [m.invitation] : [],
      },
    })),
  };
}
