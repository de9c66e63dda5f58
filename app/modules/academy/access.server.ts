import { userHasPermission } from "~/modules/account/permissions";
import { forbidden, invariantFound } from "~/utils/http.server";
import { requireUser, type SessionUser } from "~/utils/session.server";
import { prisma } from "~/utils/db.server";
import { academyScope } from "./scope.server";

/**
 * The academy in the URL, if the user may see it (404 otherwise, so ids of other people's
 * academies reveal nothing); with `manage`, only coordinators (403 for others).
 */
export async function requireAcademyAccess(request: Request, academyId: string | undefined, opts: { manage?: boolean } = {}) {
  const user = await requireUser(request);
  const academy = invariantFound(
    await prisma.academy.findFirst({
      where: { AND: [{ id: academyId ?? "" }, academyScope(user)] },
      select: { id: true, name: true, fiscalYear: true, status: true, regionId: true },
    }),
  );
  if (opts.manage && !userHasPermission(user, "manage:academy:any")) forbidden();
  return { user, academy };
}

/** Coordinators edit every session; facilitators only sessions of academies they are assigned to. */
export async function canEditSessions(user: SessionUser, academyId: string): Promise<boolean> {
  if (userHasPermission(user, "manage:academy:any")) return true;
  if (!userHasPermission(user, "update:session:assigned")) return false;
  const staff = await prisma.academyStaff.count({ where: { academyId, userId: user.id, role: "facilitator" } });
  return staff > 0;
}
