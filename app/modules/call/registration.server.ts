import { prisma } from "~/utils/db.server";
import { queueInvitation } from "~/modules/account/invitation.server";
import { deliverQueued, queueMail, type QueuedMail } from "~/modules/mail/mailer.server";
import { resolveMunicipalityCodes } from "~/modules/municipality/municipality.server";
import { serverT } from "~/utils/i18n.server";
import { env } from "~/utils/env.server";
import type { AppLocale } from "~/utils/dates";
import { fail, fieldFailure, type Result } from "~/utils/result";

// An applicant creates their account from the call page: a new address gets an invitation to
// set a password (so the address is proven before anything is sent in its name) and a draft
// waiting for them; an address that already has an account gets a mail saying so. The page
// answers the same in every case, so it tells nobody which addresses have accounts.

export async function registerApplicant(
  callId: string,
  input: { email: string; displayName: string; municipalityCode: string; trackId: string },
  locale: AppLocale,
  now = new Date(),
): Promise<Result<object, { params?: Record<string, string | number> }>> {
  const track = await prisma.callTrack.findFirst({ where: { id: input.trackId, callId, call: { publishedAt: { not: null } } }, select: { id: true, call: { select: { deadlineAt: true, title: true } } } });
  if (!track) return fieldFailure("trackId", "call.error.noSuchTrack");
  if (now >= track.call.deadlineAt) return fail("call.error.closed");
  const lead = await resolveMunicipalityCodes([input.municipalityCode]);
  if (!lead.ok) return { ...fieldFailure("municipalityCode", lead.error), params: lead.params };
  const mails: QueuedMail[] = [];
  await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, displayName: true, locale: true, password: { select: { userId: true } } } });
    if (existing?.password) {
      const t = serverT(existing.locale === "en" ? "en" : existing.locale === "ja" ? "ja" : locale);
      mails.push(await queueMail(tx, { to: input.email, subject: t("call.mail.existingSubject", { call: track.call.title }), text: t("call.mail.existingBody", { name: existing.displayName, call: track.call.title, link: `${env().appUrl}/calls/${callId}` }) }));
      return;
    }
    const user = existing ?? (await tx.user.create({ data: { email: input.email, displayName: input.displayName, municipalityCode: lead.codes[0], locale }, select: { id: true, displayName: true, locale: true, password: { select: { userId: true } } } }));
    const draft = await tx.application.findFirst({ where: { applicantId: user.id, trackId: track.id, status: "draft" }, select: { id: true } });
    if (!draft) {
      await tx.application.create({ data: { callId, trackId: track.id, applicantId: user.id, leadMunicipalityCode: lead.codes[0], municipalities: { create: [{ municipalityCode: lead.codes[0]! }] } } });
    }
    mails.push((await queueInvitation(tx, { userId: user.id, invitedById: null, academyId: null, fallbackLocale: locale, callTitle: track.call.title })).mail);
  });
  await deliverQueued(mails);
  return { ok: true };
}
