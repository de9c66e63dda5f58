import { TAKING_PART } from "~/modules/account/permissions";
import { prisma } from "~/utils/db.server";

/** Staff of the academy (facilitators, coordinators): the only people a session can be given to. */
export async function academyFacilitators(academyId: string) {
  const staff = await prisma.enrollment.findMany({
    where: { academyId, role: { in: ["facilitator", "coordinator"] }, status: TAKING_PART },
    select: { user: { select: { id: true, displayName: true } } },
    orderBy: { user: { kana: "asc" } },
  });
  return staff.map((s) => s.user);
}

