import type { Prisma } from "~/utils/db.server";
import { userHasPermission, type UserWithPermissions } from "~/modules/account/permissions";

// Who may see which academies, in one place. Routes never build these filters themselves.

export function academyScope(user: UserWithPermissions & { id: string }): Prisma.AcademyWhereInput {
  if (userHasPermission(user, "read:academy:any")) return {};
  const or: Prisma.AcademyWhereInput[] = [];
  if (userHasPermission(user, "read:academy:assigned")) {
    or.push({ staff: { some: { userId: user.id } } });
  }
  if (userHasPermission(user, "read:academy:own")) {
    or.push({ teams: { some: { members: { some: { userId: user.id } } } } });
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

export function teamScope(user: UserWithPermissions & { id: string }): Prisma.TeamWhereInput {
  if (userHasPermission(user, "read:team:any")) return {};
  const or: Prisma.TeamWhereInput[] = [];
  if (userHasPermission(user, "read:team:assigned")) {
    or.push({ academy: { staff: { some: { userId: user.id } } } });
  }
  if (userHasPermission(user, "read:team:own")) {
    or.push({ members: { some: { userId: user.id } } });
  }
  return or.length > 0 ? { OR: or } : { id: { in: [] } };
}

/** The fields every academy list shows (name, year, status, region with its governments, counts). */
export const academyRowSelect = {
  id: true,
  name: true,
  fiscalYear: true,
  status: true,
  region: {
    select: {
      id: true,
      name: true,
      members: { select: { municipality: { select: { name: true, prefecture: { select: { name: true } } } } } },
    },
  },
  _count: { select: { teams: true, sessions: true } },
} as const;
