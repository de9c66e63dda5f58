import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { serverT } from "~/utils/i18n.server";
import { createToken, hashToken } from "~/utils/tokens.server";
import { isLocale } from "~/utils/i18n";
import { sendMail } from "~/modules/mail/mailer.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "./password.server";
import type { AppLocale } from "~/utils/dates";

export const RESET_TTL_MS = 60 * 60 * 1000;
const MAX_RESETS_PER_HOUR = 3;

/**
 * Always succeeds from the caller's point of view: whether the address has an account is
 * not revealed. A mail goes out only when it does, at most three per hour.
 */
export async function requestPasswordReset(email: string, fallbackLocale: AppLocale) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, locale: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return;
  const recent = await prisma.passwordReset.count({
    where: { userId: user.id, createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) } },
  });
  if (recent >= MAX_RESETS_PER_HOUR) return;

  const { token, tokenHash } = createToken();
  await prisma.passwordReset.create({
    data: { userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  const t = serverT(isLocale(user.locale) ? user.locale : fallbackLocale);
  const link = `${env().appUrl}/reset-password/${token}`;
  await sendMail({
    to: user.email,
    subject: t("mail.reset.subject"),
    text: t("mail.reset.body", { name: user.displayName, link, minutes: RESET_TTL_MS / 60000 }),
    secrets: [link],
  });
}

export type ResetTokenState = "valid" | "invalid" | "expired" | "used";

export async function checkResetToken(token: string): Promise<{ state: ResetTokenState; id?: string; userId?: string }> {
  if (!token || token.length > 200) return { state: "invalid" };
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true },
  });
  if (!reset) return { state: "invalid" };
  if (reset.usedAt) return { state: "used" };
  if (reset.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", id: reset.id, userId: reset.userId };
}

/** Sets the new password, spends the token and signs the user out everywhere, in one transaction. */
export async function resetPassword(token: string, password: string): Promise<ResetTokenState> {
  const check = await checkResetToken(token);
  if (check.state !== "valid" || !check.id || !check.userId) return check.state;
  const hash = await hashPassword(password);
  const userId = check.userId;
  const spent = await prisma.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({
      where: { id: check.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count === 0) return false; // spent by a concurrent request
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit({ actorId: userId, action: "auth.password_reset", entityType: "user", entityId: userId }, tx);
    return true;
  });
  return spent ? "valid" : "used";
}
