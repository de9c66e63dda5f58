import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isLocale, serverT } from "~/utils/i18n";
import { createToken, hashToken } from "~/utils/tokens.server";
import { sendMail } from "~/modules/mail/mailer.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import type { AppLocale } from "~/utils/dates";

export const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** Issue (or re-issue) an invitation: earlier open invitations of the person stop working. */
export async function sendInvitation(input: {
  userId: string;
  invitedById: string | null;
  academyId?: string | null;
  fallbackLocale: AppLocale;
}) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { id: true, email: true, displayName: true, locale: true },
  });
  const { token, tokenHash } = createToken();
  const invitation = await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { userId: user.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        userId: user.id,
        invitedById: input.invitedById,
        academyId: input.academyId ?? null,
        tokenHash,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: { id: true },
    });
    await recordAudit(
      { actorId: input.invitedById, action: "invitation.send", entityType: "user", entityId: user.id },
      tx,
    );
    return created;
  });
  const t = serverT(isLocale(user.locale) ? user.locale : input.fallbackLocale);
  await sendMail({
    to: user.email,
    subject: t("mail.invitation.subject"),
    text: t("mail.invitation.body", {
      name: user.displayName,
      link: `${env().appUrl}/invitations/${token}`,
      days: INVITATION_TTL_MS / 86400000,
    }),
  });
  return invitation;
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
