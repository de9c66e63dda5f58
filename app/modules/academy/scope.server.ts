import { Prisma } from "~/utils/db.server";
import { ACCESS_STATUSES, userHasPermission, type AcademyCan } from "~/modules/account/permissions";
import type { SessionUser } from "~/utils/session.server";
import type { AcademyContext } from "./context.server";

// Who may see which academies, in one place. Routes never build these filters themselves.

/** TAKING_PART (account/permissions.ts) as SQL on an enrollment alias: its status is one that counts. */
export function takingPartSql(enrollment: string): Prisma.Sql {
  if (!/^\w+$/.test(enrollment)) throw new Error(`takingPartSql: unexpected alias ${enrollment}`);
  return Prisma.raw(`${enrollment}."status" IN (${ACCESS_STATUSES.map((s) => `'${s}'`).join(", ")})`);
}

/** academyScope as an SQL condition on an academy id column, for raw reads. */
export function academyScopeSql(user: Pick<SessionUser, "permissions" | "enrollments">, academyIdColumn: Prisma.Sql): Prisma.Sql {
  if (userHasPermission(user, "read:academy:any")) return Prisma.sql`TRUE`;
  return Prisma.sql`${academyIdColumn} IN (${Prisma.join([...user.enrollments.map((e) => e.academyId), ""])})`;
}

/** Academies the user may see: every academy with a global read permission, else those enrolled in. */
export function academyScope(user: Pick<SessionUser, "permissions" | "enrollments">): Prisma.AcademyWhereInput {
  if (userHasPermission(user, "read:academy:any")) return {};
  return { id: { in: user.enrollments.map((e) => e.academyId) } };
}

/** May the user open this academy at all (for naming it in messages)? */
export function canSeeAcademy(user: Pick<SessionUser, "permissions" | "enrollments">, academyId: string) {
  return userHasPermission(user, "read:academy:any") || user.enrollments.some((e) => e.academyId === academyId);
}

/** Teams the user may see, across academies: all teams where their role sees every team, else their own. */
export function teamScope(user: Pick<SessionUser, "id" | "permissions">, canByAcademy: Map<string, AcademyCan>): Prisma.TeamWhereInput {
  if (userHasPermission(user, "read:team:any")) return {};
  const allTeams = [...canByAcademy].filter(([, can]) => can.seeAllTeams).map(([academyId]) => academyId);
  return { OR: [{ academyId: { in: allTeams } }, { members: { some: { enrollment: { userId: user.id } } } }] };
}

/** Teams of one academy the context may see. */
export function teamScopeIn(context: AcademyContext): Prisma.TeamWhereInput {
  if (context.can.seeAllTeams) return { academyId: context.academy.id };
  if (!context.can.seeOwnTeam || !context.enrollment) return { id: { in: [] } };
  return { academyId: context.academy.id, members: { some: { enrollmentId: context.enrollment.id } } };
}


/** teamScopeIn as an SQL condition on a team row `t`, for raw reads (null: the context sees no team). */
export function teamScopeSqlIn(context: AcademyContext): Prisma.Sql | null {
  if (context.can.seeAllTeams) return Prisma.sql`t."academyId" = ${context.academy.id}`;
  if (!context.can.seeOwnTeam || !context.enrollment) return null;
  return Prisma.sql`t."academyId" = ${context.academy.id} AND EXISTS (SELECT 1 FROM "TeamMember" x WHERE x."teamId" = t."id" AND x."enrollmentId" = ${context.enrollment.id})`;
}
