import { prisma } from "~/utils/db.server";
import type { Prisma } from "~/utils/db.server";

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

type Tx = Prisma.TransactionClient | typeof prisma;

/** Write an audit event; pass the transaction client so it commits with the change it records. */
export async function recordAudit(input: AuditInput, tx: Tx = prisma) {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? "",
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      requestId: input.requestId ?? "",
    },
  });
}
