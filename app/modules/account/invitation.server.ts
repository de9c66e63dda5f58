import { prisma, type Db } from "~/utils/db.server";
import { letOthersRun } from "~/utils/let-others-run";
import { env } from "~/utils/env.server";
import { isLocale } from "~/utils/i18n";
import { serverT } from "~/utils/i18n.server";
import { createToken, hashToken } from "~/utils/tokens.server";
import { deliverQueued, queueMails, type OutgoingMail, type QueuedMail } from "~/modules/mail/mailer.server";
import { recordAudit, recordAudits, type AuditInput } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import { formatTimeRange, type AppLocale } from "~/utils/dates";

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;


type MailSession = { sequence: number; title: string; startsAt: Date; endsAt: Date; venueName: string; venueAddress: string; onlineUrl: string };

type InvitationDetails = {
  academyName: string;
  fiscalYear: number | null;
  role: string | null;
  teams: string[];
  /** every session: date, time, where (venue and/or online link) */
  sessions: MailSession[];
  inviterName: string;
  /** whom to ask: the academy's coordinators (事務局), or the person who invited */
  contacts: { name: string; email: string }[];
};

/**
 * What invitations to an academy are for, for many people at once (a roster's 2,000): the
 * academy, the dates and who invited once, each person's role and teams by user id.
 */
async function invitationDetailsFor(userIds: string[], academyId: string | null, invitedById: string | null, db: Db): Promise<Map<string, InvitationDetails>> {
  const [academy, inviter, enrollments] = await Promise.all([
    academyId
      ? db.academy.findUnique({
          where: { id: academyId },
          select: {
            name: true,
            fiscalYear: true,
            sessions: { orderBy: { sequence: "asc" }, select: { sequence: true, title: true, startsAt: true, endsAt: true, venueName: true, venueAddress: true, onlineUrl: true } },
            enrollments: { where: { role: "coordinator", status: { in: ["active", "invited"] } }, orderBy: { createdAt: "asc" }, take: 3, select: { user: { select: { displayName: true, email: true } } } },
          },
        })
      : null,
    invitedById ? db.user.findUnique({ where: { id: invitedById }, select: { displayName: true, email: true } }) : null,
    academyId ? inSlices(userIds, (ids) => db.enrollment.findMany({ where: { academyId, userId: { in: ids } }, select: { userId: true, role: true, teamMemberships: { select: { team: { select: { name: true } } } } } })) : [],
  ]);
  const byUser = new Map(enrollments.map((e) => [e.userId, e]));
  return new Map(
    userIds.map((userId) => {
      const enrollment = byUser.get(userId);
      return [
        userId,
        {
          academyName: academy?.name ?? "",
          fiscalYear: academy?.fiscalYear ?? null,
          role: enrollment?.role ?? null,
          teams: enrollment?.teamMemberships.map((m) => m.team.name) ?? [],
          sessions: academy?.sessions ?? [],
          inviterName: inviter?.displayName ?? "",
          contacts: academy?.enrollments.length
            ? academy.enrollments.map((e) => ({ name: e.user.displayName, email: e.user.email }))
            : inviter
              ? [{ name: inviter.displayName, email: inviter.email }]
              : [],
        },
      ];
    }),
  );
}

/** What an invitation is for: the academy, the person's teams there, the dates, who invited. */
export async function invitationDetails(userId: string, academyId: string | null, invitedById: string | null, db: Db = prisma) {
  return (await invitationDetailsFor([userId], academyId, invitedById, db)).get(userId)!;
}

/** Queries with an id list run in slices: SQLite bounds the number of values one statement may bind. */
export async function inSlices<T, R>(values: T[], query: (slice: T[]) => Promise<R[]>, size = 500): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) {
    out.push(...(await query(values.slice(i, i + size))));
    await letOthersRun();
  }
  return out;
}

/** The lines of a mail that say what the invitation is for, in the recipient's language. */
function detailLines(t: ReturnType<typeof serverT>, locale: AppLocale, d: InvitationDetails) {
  const lines: string[] = [];
  if (d.academyName) lines.push(t("mail.details.academy", { name: d.academyName }));
  if (d.role) lines.push(t("mail.details.role", { role: t(`enrollment.role.${d.role}`) }));
  if (d.teams.length > 0) lines.push(t("mail.details.teams", { teams: d.teams.join(t("format.list")) }));
  if (d.sessions.length > 0) lines.push(t("mail.details.schedule"), ...sessionLines(t, locale, d.sessions));
  if (d.inviterName) lines.push(t("mail.details.inviter", { name: d.inviterName }));
  if (d.contacts.length > 0) lines.push(t("mail.details.contact", { contacts: d.contacts.map((c) => `${c.name} <${c.email}>`).join(t("format.list")) }));
  return lines.join("\n");
}

/** Each session on its own lines: 「第1回 2026年9月4日(金) 13:30〜17:00」, its venue and online link. */
export function sessionLines(t: ReturnType<typeof serverT>, locale: AppLocale, sessions: MailSession[]) {
  const lines: string[] = [];
  for (const s of sessions) {
    const name = [t("session.numbered", { n: s.sequence }), s.title].filter(Boolean).join(" ");
    lines.push(`  ${name}  ${formatTimeRange(s.startsAt, s.endsAt, locale)}`);
    if (s.venueName) lines.push(`    ${t("mail.details.venue", { venue: [s.venueName, s.venueAddress && `（${s.venueAddress}）`].filter(Boolean).join("") })}`);
    if (s.onlineUrl) lines.push(`    ${t("mail.details.online", { url: s.onlineUrl })}`);
    if (!s.venueName && !s.onlineUrl) lines.push(`    ${t("mail.details.placeLater")}`);
  }
  return lines;
}

export interface InvitationInput {
  userId: string;
  invitedById: string | null;
  academyId?: string | null;
  fallbackLocale: AppLocale;
  /** a line saying why else they are invited, e.g. as an expert of the consultations */
  purpose?: string;
}

/**
 * Inside a transaction: issue invitations (or, to people who already have a password, notices)
 * and queue their mails, for one person or a whole roster in a fixed number of statements. The
 * mails are delivered by deliverQueued after the commit, so the invitation rows and their mail
 * records appear together or not at all. A new invitation revokes the person's open ones.
 */
export async function queueInvitations(tx: Db, userIds: string[], input: Omit<InvitationInput, "userId">): Promise<{ invited: number; notified: number; mails: QueuedMail[] }> {
  const users = await inSlices(userIds, (ids) =>
    tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, displayName: true, locale: true, password: { select: { userId: true } } } }),
  );
  const details = await invitationDetailsFor(userIds, input.academyId ?? null, input.invitedById, tx);
  const now = new Date();
  const outgoing: OutgoingMail[] = [];
  const invitations: { userId: string; tokenHash: string }[] = [];
  const audits: AuditInput[] = [];
  const translators = new Map<AppLocale, ReturnType<typeof serverT>>();
  for (const [i, user] of users.entries()) {
    if (i % 100 === 99) await letOthersRun();
    const locale = isLocale(user.locale) ? user.locale : input.fallbackLocale;
    const t = translators.get(locale) ?? serverT(locale);
    translators.set(locale, t);
    const d = details.get(user.id)!;
    if (user.password) {
      // An invitation could set a new password: never issued to an account in use.
      outgoing.push({
        to: user.email,
        subject: t("mail.enrolled.subject", { academy: d.academyName }),
        text: t("mail.enrolled.body", {
          name: user.displayName,
          details: detailLines(t, locale, d),
          link: input.academyId ? `${env().appUrl}/academies/${input.academyId}` : `${env().appUrl}/dashboard`,
        }),
      });
      audits.push({ actorId: input.invitedById, action: "enrollment.notice", entityType: "user", entityId: user.id, after: { academyId: input.academyId ?? null } });
      continue;
    }
    const { token, tokenHash } = createToken();
    invitations.push({ userId: user.id, tokenHash });
    audits.push({ actorId: input.invitedById, action: "invitation.send", entityType: "user", entityId: user.id, after: { academyId: input.academyId ?? null } });
    const link = `${env().appUrl}/invitations/${token}`;
    outgoing.push({
      to: user.email,
      subject: d.academyName || input.purpose ? t("mail.invitation.subjectFor", { academy: d.academyName || input.purpose }) : t("mail.invitation.subject"),
      text: t("mail.invitation.body", {
        name: user.displayName,
        details: [input.purpose ?? "", detailLines(t, locale, d)].filter(Boolean).join("\n"),
        link,
        days: INVITATION_TTL_MS / 86400000,
      }),
      secrets: [link],
    });
  }
  const invitedIds = invitations.map((i) => i.userId);
  await inSlices(invitedIds, async (ids) => [await tx.invitation.updateMany({ where: { userId: { in: ids }, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } })]);
  await inSlices(invitations, async (slice) => [
    await tx.invitation.createMany({
      data: slice.map((i) => ({ userId: i.userId, invitedById: input.invitedById, academyId: input.academyId ?? null, tokenHash: i.tokenHash, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })),
    }),
  ]);
  await recordAudits(audits, tx);
  return { invited: invitations.length, notified: users.length - invitations.length, mails: await queueMails(tx, outgoing) };
}

/** One person's invitation (or notice), inside a transaction. */
export async function queueInvitation(tx: Db, input: InvitationInput): Promise<{ kind: "invited" | "notified"; mail: QueuedMail }> {
  const { userId, ...rest } = input;
  if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new Error(`no user ${userId}`);
  const queued = await queueInvitations(tx, [userId], rest);
  return { kind: queued.invited === 1 ? "invited" : "notified", mail: queued.mails[0]! };
}

/**
 * Invite someone to the app. A person who already has a password gets a notice instead.
 * Re-inviting revokes earlier open invitations of the person.
 */
export async function sendInvitation(input: InvitationInput): Promise<"invited" | "notified"> {
  const queued = await prisma.$transaction((tx) => queueInvitation(tx, input));
  await deliverQueued([queued.mail]);
  return queued.kind;
}


export type InvitationState = "valid" | "invalid" | "expired" | "used" | "revoked";

export async function checkInvitation(token: string) {
  if (!token || token.length > 200) return { state: "invalid" as InvitationState };
  const invitation = await prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      academyId: true,
      invitedById: true,
      user: { select: { id: true, email: true, displayName: true } },
    },
  });
  if (!invitation) return { state: "invalid" as InvitationState };
  const state: InvitationState = invitation.acceptedAt
    ? "used"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "valid";
  return { state, invitation };
}

export async function acceptInvitation(
  token: string,
  input: { displayName: string; password: string },
): Promise<{ state: InvitationState; userId?: string }> {
  const { state, invitation } = await checkInvitation(token);
  if (state !== "valid" || !invitation) return { state };
  const hash = await hashPassword(input.password);
  const userId = invitation.user.id;
  const accepted = await prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (count === 0) return false;
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    await tx.user.update({ where: { id: userId }, data: { displayName: input.displayName } });
    // Accepting makes every academy they were invited to theirs.
    await tx.enrollment.updateMany({ where: { userId, status: "invited" }, data: { status: "active" } });
    await recordAudit({ actorId: userId, action: "invitation.accept", entityType: "user", entityId: userId }, tx);
    return true;
  });
  return accepted ? { state: "valid", userId } : { state: "used" };
}

/** Withdraw every open invitation of the person; their link stops working at once. */
export async function revokeInvitations(actorId: string, userId: string) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { userId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count > 0) {
      await recordAudit({ actorId, action: "invitation.revoke", entityType: "user", entityId: userId }, tx);
    }
  });
}

/** "active" (has a password), "invited" (open invitation), "expired", "revoked" or "none". */
export function invitationStatus(user: {
  password: unknown;
  invitations: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }[];
}): "active" | "invited" | "expired" | "revoked" | "none" {
  if (user.password) return "active";
  const last = user.invitations[0];
  if (!last) return "none";
  if (last.revokedAt) return "revoked";
  if (new Date(last.expiresAt).getTime() <= Date.now()) return "expired";
  return "invited";
}
