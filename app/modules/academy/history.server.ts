import { prisma } from "~/utils/db.server";

/** Audit events of an academy and of its sessions and teams (ids the page already has), newest first. */
export function academyHistory(entityIds: string[], take = 30) {
  return prisma.auditEvent.findMany({
    where: { entityId: { in: entityIds } },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, createdAt: true, actor: { select: { displayName: true } } },
  });
}
