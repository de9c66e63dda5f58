import { prisma, type Db } from "~/utils/db.server";

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

function auditRow(input: AuditInput) {
  return {
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? "",
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
    requestId: input.requestId ?? "",
  };
}

/** Write an audit event; pass the transaction client so it commits with the change it records. */
export async function recordAudit(input: AuditInput, tx: Db = prisma) {
  await tx.auditEvent.create({ data: auditRow(input) });
}

/** Many events of one change (a roster's invitations) in a few statements. */
export async function recordAudits(inputs: AuditInput[], tx: Db = prisma) {
  for (let i = 0; i < inputs.length; i += 500) await tx.auditEvent.createMany({ data: inputs.slice(i, i + 500).map(auditRow) });
}
