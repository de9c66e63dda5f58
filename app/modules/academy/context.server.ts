import { prisma } from "~/utils/db.server";
import { academyCan, type AcademyCan } from "~/modules/account/permissions";
import { rolePermissions } from "~/modules/account/roles.server";
import type { SessionEnrollment, SessionUser } from "~/utils/session.server";

// Who may do what in one academy, decided in one place. Routes build the context once
// (requireAcademyContext in ~/utils/academy-context.server) and hand it to the services.

export interface AcademyContext {
  user: SessionUser;
  academy: { id: string; name: string; fiscalYear: number; status: string; regionId: string };
  /** the user's enrollment in this academy, if any (a programme coordinator may have none) */
  enrollment: SessionEnrollment | null;
  can: AcademyCan;
}

/** The context, or null when the academy does not exist or the user may not see it. */
export async function loadAcademyContext(user: SessionUser, academyId: string): Promise<AcademyContext | null> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent — an id beyond 64 characters is never found; the guard only saves the query
  if (!academyId || academyId.length > 64) return null;
  const enrollment = user.enrollments.find((e) => e.academyId === academyId) ?? null;
  const can = academyCan(user, enrollment, await rolePermissions());
  if (!can.view) return null;
  const academy = await prisma.academy.findUnique({
    where: { id: academyId },
    select: { id: true, name: true, fiscalYear: true, status: true, regionId: true },
  });
  if (!academy) return null;
  return { user, academy, enrollment, can };
}
