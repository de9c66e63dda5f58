import type { AcademyContext } from "~/modules/academy/context.server";
import { serverT } from "~/utils/i18n.server";
import { env } from "~/utils/env.server";
import { fiscalYearEraLabel, formatFiscalYear, type AppLocale } from "~/utils/dates";
import { academyCertificates, academyFacts } from "./certificate.server";
import { certificateFileName, certificatePdf, certificatesZip, type CertificateFacts } from "./certificate-pdf.server";

// Certificates as downloads: one to its holder or the academy's staff, all of them to staff.
// A certificate is printed in its holder's language (Japanese unless they chose English).

const holderLocale = (locale: string | null): AppLocale => (locale === "en" ? "en" : "ja");

async function factsOf(academyId: string, certificateId?: string) {
  const [academy, certificates] = await Promise.all([academyFacts(academyId, env().certificateIssuer), academyCertificates(academyId, certificateId)]);
  return certificates
    .filter((c) => !c.revokedAt)
    .map((certificate): CertificateFacts & { locale: AppLocale } => {
      const locale = holderLocale(certificate.locale);
      return { ...academy, certificate, locale, fiscalYearLabel: locale === "ja" ? fiscalYearEraLabel(academy.fiscalYear) : formatFiscalYear(academy.fiscalYear, locale) };
    });
}

/** One certificate, or null when it does not exist, is revoked, or is neither the user's nor theirs to see. */
export async function oneCertificate(context: AcademyContext, certificateId: string) {
  const [facts] = await factsOf(context.academy.id, certificateId);
  if (!facts) return null;
  if (!context.can.seeSurveyResults && facts.certificate.userId !== context.user.id) return null;
  const t = serverT(facts.locale);
  return { name: certificateFileName(t, facts.certificate), bytes: await certificatePdf(facts, t, facts.locale) };
}

/** Every certificate of the academy in one zip (staff only: the route checks). */
export async function allCertificates(context: AcademyContext, locale: AppLocale) {
  const facts = await factsOf(context.academy.id);
  if (facts.length === 0) return null;
  const t = serverT(locale);
  return { name: `${t("certificate.pdf.title")}_${context.academy.name}.zip`, bytes: await certificatesZip(facts.map((f) => ({ facts: f, t: serverT(f.locale), locale: f.locale }))), count: facts.length };
}
