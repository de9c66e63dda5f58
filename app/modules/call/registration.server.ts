import { prisma, type Db } from "~/utils/db.server";
import { deliverQueued, queueMail, type QueuedMail } from "~/modules/mail/mailer.server";
import { resolveMunicipalityCodes } from "~/modules/municipality/municipality.server";
import { hashPassword } from "~/modules/account/password.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { serverT } from "~/utils/i18n.server";
import { isLocale } from "~/utils/i18n";
import { env } from "~/utils/env.server";
import { createToken, hashToken } from "~/utils/tokens.server";
import { formatDateTime, type AppLocale } from "~/utils/dates";
import { fail, fieldFailure, type Result } from "~/utils/result";

// An applicant creates their account from a call's page. Anyone can type any address into that
// form, so until the owner of the address follows the mail's link nothing is created or changed:
// only a SignUp row (what they typed, the token's hash) and one mail. Following the link sets the
// password, creates the account (or completes one a coordinator invited, keeping that invitation's
// academies) and the draft application. An address with an account gets a notice instead. The page
// answers the same in every case, so it tells nobody which addresses have accounts.
// Limits, like the password reset: mails per address, sign-ups per client network.

export const SIGN_UP_TTL_MS = 24 * 60 * 60 * 1000;
export const SIGN_UP_WINDOW_MS = 60 * 60 * 1000;
/** Mails one address receives from sign-ups within the window (the rest are dropped silently). */
export const MAX_SIGN_UPS_PER_ADDRESS = 3;
/** Sign-ups from one client address within the window; generous, as a government network puts many staff behind one proxy. */
export const MAX_SIGN_UPS_PER_NETWORK = 20;

export type SignUpInput = { email: string; displayName: string; municipalityCode: string; trackId: string };

export async function registerApplicant(
  callId: string,
  input: SignUpInput,
  locale: AppLocale,
  ipAddress: string,
  now = new Date(),
): Promise<Result<object, { params?: Record<string, string | number>; status?: number }>> {
  const track = await prisma.callTrack.findFirst({
    where: { id: input.trackId, callId, call: { publishedAt: { not: null } } },
    select: { id: true, label: true, call: { select: { deadlineAt: true, title: true } } },
  });
  if (!track) return fieldFailure("trackId", "call.error.noSuchTrack");
  if (now >= track.call.deadlineAt) return fail("call.error.closed");
  const lead = await resolveMunicipalityCodes([input.municipalityCode]);
  if (!lead.ok) return { ...fieldFailure("municipalityCode", lead.error), params: lead.params };
  const since = new Date(now.getTime() - SIGN_UP_WINDOW_MS);
  // Every sign-up is recorded first and then counts itself (as sign-in attempts do): parallel
  // posts each see the ones committed before them, so they cannot all pass under a limit.
  const attempt = await prisma.signUp.create({
    data: { email: input.email, displayName: input.displayName, municipalityCode: lead.codes[0]!, trackId: track.id, locale, ipAddress, tokenHash: null, expiresAt: new Date(now.getTime() + SIGN_UP_TTL_MS), createdAt: now },
    select: { id: true },
  });
  const [fromNetwork, toAddress] = await Promise.all([
    prisma.signUp.count({ where: { ipAddress, createdAt: { gte: since } } }),
    prisma.signUp.count({ where: { email: input.email, createdAt: { gte: since } } }),
  ]);
  if (fromNetwork > MAX_SIGN_UPS_PER_NETWORK) return { ...fail("call.error.tooManySignUps"), status: 429 };
  // A flooded address gets no more mail; the answer is the same as ever.
  if (toAddress > MAX_SIGN_UPS_PER_ADDRESS) return { ok: true };
  const mails: QueuedMail[] = [];
  await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { displayName: true, locale: true, password: { select: { userId: true } } } });
    if (existing?.password) {
      const t = serverT(isLocale(existing.locale) ? existing.locale : locale);
      mails.push(await queueMail(tx, { to: input.email, subject: t("call.mail.existingSubject", { call: track.call.title }), text: t("call.mail.existingBody", { name: existing.displayName, call: track.call.title, deadline: formatDateTime(track.call.deadlineAt, isLocale(existing.locale) ? existing.locale : locale), link: `${env().appUrl}/calls/${callId}` }) }));
      return;
    }
    const { token, tokenHash } = createToken();
    await tx.signUp.update({ where: { id: attempt.id }, data: { tokenHash } });
    const t = serverT(locale);
    const link = `${env().appUrl}/sign-up/${token}`;
    mails.push(
      await queueMail(tx, {
        to: input.email,
        subject: t("call.mail.signUpSubject", { call: track.call.title }),
        text: t("call.mail.signUpBody", {
          name: input.displayName,
          call: track.call.title,
          track: track.label,
          municipality: await governmentName(tx, lead.codes[0]!),
          deadline: formatDateTime(track.call.deadlineAt, locale),
          link,
          hours: SIGN_UP_TTL_MS / 3_600_000,
        }),
        secrets: [link],
      }),
    );
  });
  await deliverQueued(mails);
  return { ok: true };
}

/** 「兵庫県 高砂市」 (a prefecture by its own name), or the code when it is not in the table. */
async function governmentName(db: Db, code: string) {
  const m = await db.municipality.findUnique({ where: { code }, select: { name: true, prefecture: { select: { name: true } } } });
  return m ? (m.name === m.prefecture.name ? m.name : `${m.prefecture.name} ${m.name}`) : code;
}

export type SignUpState = "valid" | "invalid" | "expired" | "used";

/** What the link's holder sees before setting a password. */
export async function checkSignUp(token: string, now = new Date()) {
  if (!token || token.length > 200) return { state: "invalid" as SignUpState };
  const row = await prisma.signUp.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, displayName: true, municipalityCode: true, locale: true, expiresAt: true, confirmedAt: true, track: { select: { id: true, label: true, callId: true, call: { select: { title: true, deadlineAt: true } } } } },
  });
  if (!row) return { state: "invalid" as SignUpState };
  const state: SignUpState = row.confirmedAt ? "used" : row.expiresAt <= now ? "expired" : "valid";
  return { state, signUp: { ...row, government: await governmentName(prisma, row.municipalityCode) } };
}

/**
 * The owner of the address followed the link: set the password and create what the sign-up asked
 * for, in one transaction; the link works once. An address that has meanwhile got a password is
 * not changed (a sign-up never sets the password of an account in use): state "used".
 */
export async function confirmSignUp(
  token: string,
  input: { displayName: string; password: string },
  now = new Date(),
): Promise<{ state: SignUpState; userId?: string; applicationId?: string | null }> {
  const { state, signUp } = await checkSignUp(token, now);
  if (state !== "valid" || !signUp) return { state };
  const hash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.signUp.updateMany({ where: { id: signUp.id, confirmedAt: null }, data: { confirmedAt: now } });
    if (count === 0) return { state: "used" as const };
    const existing = await tx.user.findUnique({ where: { email: signUp.email }, select: { id: true, password: { select: { userId: true } } } });
    if (existing?.password) return { state: "used" as const };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { displayName: input.displayName }, select: { id: true } })
      : await tx.user.create({ data: { email: signUp.email, displayName: input.displayName, municipalityCode: signUp.municipalityCode, locale: signUp.locale }, select: { id: true } });
    await tx.password.create({ data: { userId: user.id, hash } });
    if (existing) {
      // A coordinator had invited this address: proving it here completes that invitation too.
      await tx.invitation.updateMany({ where: { userId: user.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
      await tx.enrollment.updateMany({ where: { userId: user.id, status: "invited" }, data: { status: "active" } });
    }
    let applicationId: string | null = null;
    if (now < signUp.track.call.deadlineAt) {
      const draft = await tx.application.findFirst({ where: { applicantId: user.id, trackId: signUp.track.id, status: "draft" }, select: { id: true } });
      applicationId =
        draft?.id ??
        (
          await tx.application.create({
            data: { callId: signUp.track.callId, trackId: signUp.track.id, applicantId: user.id, leadMunicipalityCode: signUp.municipalityCode, contactName: input.displayName, municipalities: { create: [{ municipalityCode: signUp.municipalityCode }] } },
            select: { id: true },
          })
        ).id;
    }
    await recordAudit({ actorId: user.id, action: "account.sign_up", entityType: "user", entityId: user.id, after: { callId: signUp.track.callId, trackId: signUp.track.id, applicationId } }, tx);
    return { state: "valid" as const, userId: user.id, applicationId };
  });
}
