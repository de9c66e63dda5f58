import { prisma } from "~/utils/db.server";

/** Audit events of an academy and of its sessions and teams, newest first. */
export async function academyHistory(academyId: string, take = 30) {
  const [sessions, teams] = await Promise.all([
    prisma.workshopSession.findMany({ where: { academyId }, select: { id: true } }),
    prisma.team.findMany({ where: { academyId }, select: { id: true } }),
  ]);
  const ids = [academyId, ...sessions.map((s) => s.id), ...teams.map((t) => t.id)];
  return prisma.auditEvent.findMany({
    where: { OR: [{ entityId: { in: ids } }, { entityType: "academy", entityId: academyId }] },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, createdAt: true, actor: { select: { displayName: true } } },
  });
}
