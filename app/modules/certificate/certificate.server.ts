import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { academyCompletion } from "~/modules/attendance/attendance.server";
import { fail, type Result } from "~/utils/result";
import { certificateNumber } from "./number";
import { notify } from "~/modules/notification/notification.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";

// Completion certificates (修了証): the coordinator issues them to every participant who met the
// academy's completion rule; each gets a number unique in its fiscal year, kept if it is revoked
// and issued again. Staff and the holder download them (certificate-pdf.server.ts).


export { certificateNumber };

const CertificateRow = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  fiscalYear: z.coerce.number(),
  serial: z.coerce.number(),
  issuedAt: z.coerce.date(),
  revokedAt: z.coerce.date().nullable(),
  municipalityName: z.string().nullable(),
  department: z.string(),
  locale: z.string().nullable(),
});
export type CertificateRow = z.infer<typeof CertificateRow>;

/** The academy's certificates with their holders (one statement). */
export async function academyCertificates(academyId: string, certificateId?: string): Promise<CertificateRow[]> {
  const one = certificateId ? Prisma.sql`AND c."id" = ${certificateId}` : Prisma.empty;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT c."id", c."enrollmentId", u."id" AS "userId", u."displayName", c."fiscalYear", c."serial", c."issuedAt", c."revokedAt",
           m."name" AS "municipalityName", e."department", u."locale"
    FROM "Certificate" c JOIN "Enrollment" e ON e."id" = c."enrollmentId" JOIN "User" u ON u."id" = e."userId"
    LEFT JOIN "Municipality" m ON m."code" = e."municipalityCode"
    WHERE c."academyId" = ${academyId} ${one}
    ORDER BY c."serial"`;
  return rows.map((r) => CertificateRow.parse(r));
}

/** The page: who completed, who holds a certificate, the issuer printed on them. */
export async function certificatesPage(academyId: string, now = new Date()) {
  const [completion, certificates, academy] = await Promise.all([
    academyCompletion(academyId, now),
    academyCertificates(academyId),
    prisma.academy.findUniqueOrThrow({ where: { id: academyId }, select: { certificateIssuer: true } }),
  ]);
  const byEnrollment = new Map(certificates.map((c) => [c.enrollmentId, c]));
  const completed = completion.people.filter((p) => p.completed);
  return {
    issuer: academy.certificateIssuer,
    people: completed.map((p) => ({ enrollmentId: p.enrollmentId, displayName: p.displayName, teamName: p.teamName, certificate: byEnrollment.get(p.enrollmentId) ?? null })),
    notCompleted: completion.people.length - completed.length,
    /** certificates of people who no longer meet the rule (attendance corrected since) */
    outdated: certificates.filter((c) => !c.revokedAt && !completed.some((p) => p.enrollmentId === c.enrollmentId)),
  };
}

/**
 * Issue certificates to everyone who completed and holds none (or a revoked one, which is
 * restored with its number). Numbers are taken inside the write transaction, so two coordinators
 * issuing at once never share a number.
 */
export async function issueCertificates(actorId: string, academyId: string, now = new Date()): Promise<Result<{ count: number }>> {
  const academy = await prisma.academy.findUniqueOrThrow({ where: { id: academyId }, select: { fiscalYear: true, status: true, name: true } });
  let mail: QueuedMail[] = [];
  const { people } = await academyCompletion(academyId, now);
  const completed = people.filter((p) => p.completed).map((p) => p.enrollmentId);
  if (completed.length === 0) return fail("certificate.error.nobody");
  const count = await withFreshNumbers(() => prisma.$transaction(async (tx) => {
    const existing = await tx.certificate.findMany({ where: { enrollmentId: { in: completed } }, select: { id: true, enrollmentId: true, revokedAt: true } });
    const held = new Set(existing.map((c) => c.enrollmentId));
    const restored = existing.filter((c) => c.revokedAt).map((c) => c.id);
    if (restored.length) await tx.certificate.updateMany({ where: { id: { in: restored } }, data: { revokedAt: null, issuedAt: now, issuedById: actorId } });
    const fresh = completed.filter((id) => !held.has(id));
    const last = await tx.certificate.aggregate({ where: { fiscalYear: academy.fiscalYear }, _max: { serial: true } });
    let serial = last._max.serial ?? 0;
    if (fresh.length) {
      await tx.certificate.createMany({
        data: fresh.map((enrollmentId) => ({ academyId, enrollmentId, fiscalYear: academy.fiscalYear, serial: ++serial, issuedAt: now, issuedById: actorId })),
      });
    }
    const n = fresh.length + restored.length;
    if (n > 0) await recordAudit({ actorId, action: "certificate.issue", entityType: "academy", entityId: academyId, after: { issued: fresh.length, restored: restored.length } }, tx);
    // Each holder is told (in the app and, unless turned off, by mail) where to download it.
    const holders = await tx.enrollment.findMany({ where: { id: { in: [...fresh, ...existing.filter((c) => c.revokedAt).map((c) => c.enrollmentId)] } }, select: { userId: true } });
    mail = await notify(tx, { userIds: holders.map((h) => h.userId), kind: "certificate", messageKey: "certificateIssued", params: { academy: academy.name }, link: "/dashboard" });
    return n;
  }));
  if (count === 0) return fail("certificate.error.allIssued");
  await deliverQueued(mail);
  return { ok: true, count };
}

/** Another server process took the same numbers first: try again with the numbers after theirs. */
async function withFreshNumbers<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (attempts > 1 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return withFreshNumbers(run, attempts - 1);
    throw error;
  }
}

export async function revokeCertificate(actorId: string, academyId: string, certificateId: string): Promise<Result> {
  const done = await prisma.$transaction(async (tx) => {
    const { count } = await tx.certificate.updateMany({ where: { id: certificateId, academyId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAudit({ actorId, action: "certificate.revoke", entityType: "academy", entityId: academyId, after: { certificateId } }, tx);
    return count > 0;
  });
  return done ? { ok: true } : fail("certificate.error.notFound");
}

export async function setIssuer(actorId: string, academyId: string, issuer: string) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.academy.findUniqueOrThrow({ where: { id: academyId }, select: { certificateIssuer: true } });
    await tx.academy.update({ where: { id: academyId }, data: { certificateIssuer: issuer } });
    await recordAudit({ actorId, action: "academy.certificate_issuer", entityType: "academy", entityId: academyId, before, after: { certificateIssuer: issuer } }, tx);
  });
}

/** What every certificate of an academy prints besides its holder: name, year, dates, issuer. */
export async function academyFacts(academyId: string, fallbackIssuer: string) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: { name: true, fiscalYear: true, certificateIssuer: true, sessions: { orderBy: { startsAt: "asc" }, select: { startsAt: true } } },
  });
  return {
    academyName: academy.name,
    fiscalYear: academy.fiscalYear,
    firstSession: academy.sessions[0]?.startsAt ?? null,
    lastSession: academy.sessions.at(-1)?.startsAt ?? null,
    sessionCount: academy.sessions.length,
    issuer: academy.certificateIssuer || fallbackIssuer,
  };
}

/** The person's own certificates (issued, not revoked), by academy id. */
export async function myCertificates(userId: string) {
  const rows = await prisma.certificate.findMany({ where: { revokedAt: null, enrollment: { userId } }, select: { id: true, academyId: true, serial: true, fiscalYear: true } });
  return Object.fromEntries(rows.map((c) => [c.academyId, { id: c.id, number: certificateNumber(c.fiscalYear, c.serial) }]));
}
