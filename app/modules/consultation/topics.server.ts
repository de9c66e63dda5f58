import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fail, type Result } from "~/utils/result";

// Topic categories of consultations: the guidebook's six to start with, renamed, added to,
// reordered and archived by coordinators. Archived ones stay on the consultations that used them.

export function listTopics(includeArchived = false) {
  return prisma.consultationTopic.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, label: true, labelEn: true, archivedAt: true, _count: { select: { consultations: true } } },
  });
}

export async function createTopic(actorId: string, input: { label: string; labelEn: string }): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    if (await tx.consultationTopic.findFirst({ where: { label: input.label }, select: { id: true } })) return fail("consultation.error.topicExists", { label: "consultation.error.topicExists" });
    const last = await tx.consultationTopic.aggregate({ _max: { position: true } });
    const topic = await tx.consultationTopic.create({ data: { ...input, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    await recordAudit({ actorId, action: "consultation_topic.create", entityType: "consultation_topic", entityId: topic.id, after: input }, tx);
    return { ok: true };
  });
}

export async function updateTopic(actorId: string, id: string, input: { label: string; labelEn: string }): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.consultationTopic.findUnique({ where: { id }, select: { label: true, labelEn: true } });
    if (!before) return fail("consultation.error.noSuchTopic");
    if (await tx.consultationTopic.findFirst({ where: { label: input.label, id: { not: id } }, select: { id: true } })) return fail("consultation.error.topicExists", { label: "consultation.error.topicExists" });
    await tx.consultationTopic.update({ where: { id }, data: input });
    await recordAudit({ actorId, action: "consultation_topic.update", entityType: "consultation_topic", entityId: id, before, after: input }, tx);
    return { ok: true };
  });
}

export async function setTopicArchived(actorId: string, id: string, archived: boolean): Promise<Result> {
  const { count } = await prisma.consultationTopic.updateMany({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  if (count === 0) return fail("consultation.error.noSuchTopic");
  await recordAudit({ actorId, action: archived ? "consultation_topic.archive" : "consultation_topic.restore", entityType: "consultation_topic", entityId: id });
  return { ok: true };
}

/** Swap a topic with its neighbour above (-1) or below (+1). */
export async function moveTopic(actorId: string, id: string, direction: -1 | 1): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const all = await tx.consultationTopic.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const index = all.findIndex((t) => t.id === id);
    if (index < 0) return fail("consultation.error.noSuchTopic");
    const other = index + direction;
    if (other < 0 || other >= all.length) return { ok: true };
    [all[index], all[other]] = [all[other]!, all[index]!];
    for (const [position, t] of all.entries()) await tx.consultationTopic.update({ where: { id: t.id }, data: { position } });
    await recordAudit({ actorId, action: "consultation_topic.move", entityType: "consultation_topic", entityId: id, after: { direction } }, tx);
    return { ok: true };
  });
}
