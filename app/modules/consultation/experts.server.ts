import { containsInsensitive } from "~/utils/sql.server";
import { prisma, Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { queueInvitation } from "~/modules/account/invitation.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import { findOrCreatePerson } from "~/modules/team/team.server";
import { serverT } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/dates";
import { fail, fieldFailure, type Result } from "~/utils/result";
import type { ExpertFilter, ExpertInput, ExpertUpdateInput } from "./schemas";

// The experts of the consultations: who they are, their fields and the topic categories they
// cover. An expert is a user (they sign in to see their meetings and record their advice).

export const EXPERTS_PAGE_SIZE = 50;

export async function searchExperts(filter: ExpertFilter) {
  const q = filter.q?.trim();
  const where: Prisma.ExpertWhereInput = {
    retiredAt: filter.retired ? { not: null } : null,
    kind: filter.kind,
    topics: filter.topic ? { some: { topicId: filter.topic } } : undefined,
    OR: q ? [{ user: { displayName: containsInsensitive(q) } }, { affiliation: containsInsensitive(q) }, { fields: containsInsensitive(q) }] : undefined,
  };
  const page = filter.page ?? 1;
  const [total, experts] = await prisma.$transaction([
    prisma.expert.count({ where }),
    prisma.expert.findMany({
      where,
      orderBy: [{ user: { kana: "asc" } }, { user: { displayName: "asc" } }],
      skip: (page - 1) * EXPERTS_PAGE_SIZE,
      take: EXPERTS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        affiliation: true,
        fields: true,
        retiredAt: true,
        user: { select: { displayName: true, email: true } },
        topics: { select: { topic: { select: { id: true, label: true, labelEn: true } } } },
        _count: { select: { consultations: true } },
      },
    }),
  ]);
  return { experts, total, page, pages: Math.max(1, Math.ceil(total / EXPERTS_PAGE_SIZE)) };
}

/** Experts who can be asked now, with the topics they cover (for the scheduling form). */
export function activeExperts() {
  return prisma.expert.findMany({
    where: { retiredAt: null },
    orderBy: [{ user: { kana: "asc" } }, { user: { displayName: "asc" } }],
    select: { id: true, userId: true, kind: true, affiliation: true, user: { select: { displayName: true } }, topics: { select: { topicId: true } } },
  });
}

export function getExpert(id: string) {
  return prisma.expert.findUnique({
    where: { id },
    select: { id: true, kind: true, affiliation: true, fields: true, retiredAt: true, user: { select: { displayName: true, email: true } }, topics: { select: { topicId: true } } },
  });
}

async function knownTopics(tx: Prisma.TransactionClient, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx.consultationTopic.count({ where: { id: { in: unique } } });
  return found === unique.length ? unique : null;
}

/** Add an expert by e-mail: an existing account becomes an expert; a new one gets an invitation. */
export async function createExpert(actorId: string, input: ExpertInput, locale: AppLocale): Promise<Result<{ id: string }>> {
  const mails: QueuedMail[] = [];
  const result = await prisma.$transaction(async (tx): Promise<Result<{ id: string }>> => {
    const topics = await knownTopics(tx, input.topicIds);
    if (!topics) return fieldFailure("topicIds", "consultation.error.noSuchTopic");
    const person = await findOrCreatePerson(tx, { email: input.email, displayName: input.displayName, department: "" });
    if (await tx.expert.findUnique({ where: { userId: person.id }, select: { id: true } })) return fieldFailure("email", "consultation.error.alreadyExpert");
    const expert = await tx.expert.create({
      data: { userId: person.id, kind: input.kind, affiliation: input.affiliation, fields: input.fields, topics: { create: topics.map((topicId) => ({ topicId })) } },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "expert.create", entityType: "expert", entityId: expert.id, after: { userId: person.id, kind: input.kind, affiliation: input.affiliation, topicIds: topics } }, tx);
    if (!person.hasPassword) {
      const t = serverT(locale);
      mails.push((await queueInvitation(tx, { userId: person.id, invitedById: actorId, academyId: null, fallbackLocale: locale, purpose: t("consultation.mail.expertInvitation") })).mail);
    }
    return { ok: true, id: expert.id };
  });
  await deliverQueued(mails);
  return result;
}

export async function updateExpert(actorId: string, id: string, input: ExpertUpdateInput): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.expert.findUnique({ where: { id }, select: { userId: true, kind: true, affiliation: true, fields: true, topics: { select: { topicId: true } } } });
    if (!before) return fail("consultation.error.noSuchExpert");
    const topics = await knownTopics(tx, input.topicIds);
    if (!topics) return fieldFailure("topicIds", "consultation.error.noSuchTopic");
    await tx.expert.update({ where: { id }, data: { kind: input.kind, affiliation: input.affiliation, fields: input.fields, topics: { deleteMany: {}, create: topics.map((topicId) => ({ topicId })) } } });
    await tx.user.update({ where: { id: before.userId }, data: { displayName: input.displayName } });
    await recordAudit(
      { actorId, action: "expert.update", entityType: "expert", entityId: id, before: { ...before, topics: undefined, topicIds: before.topics.map((t) => t.topicId) }, after: { kind: input.kind, affiliation: input.affiliation, fields: input.fields, topicIds: topics } },
      tx,
    );
    return { ok: true };
  });
}

export async function setExpertRetired(actorId: string, id: string, retired: boolean): Promise<Result> {
  const { count } = await prisma.expert.updateMany({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
  if (count === 0) return fail("consultation.error.noSuchExpert");
  await recordAudit({ actorId, action: retired ? "expert.retire" : "expert.restore", entityType: "expert", entityId: id });
  return { ok: true };
}
