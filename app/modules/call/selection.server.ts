import { dbNumber } from "~/utils/raw-read";
import { z } from "zod";
import { prisma, Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { deliverQueued, queueMail, type QueuedMail } from "~/modules/mail/mailer.server";
import { createDefaultStages } from "~/modules/stage/stage.server";
import { serverT } from "~/utils/i18n.server";
import { env } from "~/utils/env.server";
import { fail, type Result } from "~/utils/result";
import type { SessionUser } from "~/utils/session.server";
import type { Decision } from "./schemas";

// Selection: reviewers score submitted applications against the call's criteria, the ranked list
// per track shows the places left, the coordinator decides, mails the decisions in each
// applicant's language and turns a selected academy application into a region + academy + team.

/** May this person see and score the call's applications? "manager": those who manage calls (every score, the decisions); "reviewer": its reviewers. */
export async function reviewerRole(user: Pick<SessionUser, "id" | "permissions">, callId: string): Promise<"manager" | "reviewer" | null> {
  if (user.permissions.includes("manage:call:any")) return "manager";
  const row = await prisma.callReviewer.findUnique({ where: { callId_userId: { callId, userId: user.id } }, select: { userId: true } });
  return row ? "reviewer" : null;
}

const RankRow = z.object({
  id: z.string(),
  trackId: z.string(),
  decision: z.string().nullable(),
  lead: z.string().nullable(),
  others: z.string().nullable(),
  prefecture: z.string().nullable(),
  submittedAt: z.coerce.date().nullable(),
  reviewers: z.coerce.number(),
  /** weighted mean of every reviewer's scores, 0..1 of the maximum */
  score: dbNumber.nullable(),
  mine: z.coerce.number(),
  academyId: z.string().nullable(),
  mailed: z.coerce.number(),
});

/**
 * Submitted applications per track, best score first. A reviewer sees the others' scores of an
 * application only once they have scored it themselves; coordinators see every score.
 */
export async function rankedApplications(callId: string, user: { id: string }, role: "manager" | "reviewer") {
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT ap."id", ap."trackId", ap."decision", ap."submittedAt", ap."academyId", (ap."decisionMailedAt" IS NOT NULL) AS "mailed",
           (SELECT string_agg(x."name", '・') FROM (SELECT mu."name" FROM "ApplicationMunicipality" am JOIN "Municipality" mu ON mu."code" = am."municipalityCode"
               WHERE am."applicationId" = ap."id" AND am."municipalityCode" IS DISTINCT FROM ap."leadMunicipalityCode" ORDER BY am."municipalityCode") x) AS "others",
           (SELECT mu."name" FROM "Municipality" mu WHERE mu."code" = ap."leadMunicipalityCode") AS "lead",
           (SELECT p."name" FROM "Municipality" mu JOIN "Prefecture" p ON p."code" = mu."prefectureCode" WHERE mu."code" = ap."leadMunicipalityCode") AS "prefecture",
           (SELECT count(DISTINCT s."reviewerId") FROM "ApplicationScore" s WHERE s."applicationId" = ap."id") AS "reviewers",
           (SELECT sum(s."score" * 1.0 / c."maxScore" * c."weight") / sum(c."weight") FROM "ApplicationScore" s JOIN "CallCriterion" c ON c."id" = s."criterionId"
               WHERE s."applicationId" = ap."id") AS "score",
           (SELECT count(*) FROM "ApplicationScore" s WHERE s."applicationId" = ap."id" AND s."reviewerId" = ${user.id}) AS "mine"
    FROM "Application" ap
    WHERE ap."callId" = ${callId} AND ap."status" = 'submitted'
    ORDER BY "score" DESC NULLS LAST, ap."submittedAt"`;
  return rows.map((r) => {
    const row = RankRow.parse(r);
    const visible = role === "manager" || row.mine > 0;
    const names = [row.lead, row.others].filter(Boolean).join("・") || null;
    return { ...row, names, score: visible ? row.score : null, reviewers: visible ? row.reviewers : null, scoredByMe: row.mine > 0, mailed: row.mailed === 1 };
  });
}

/** One submitted application for review, with the criteria, my scores and (once I scored) everyone's. */
export async function applicationForReview(callId: string, applicationId: string, user: { id: string }, role: "manager" | "reviewer") {
  const app = await prisma.application.findFirst({
    where: { id: applicationId, callId, status: "submitted" },
    select: {
      id: true,
      decision: true,
      academyId: true,
      contactName: true,
      contactDepartment: true,
      contactPhone: true,
      problem: true,
      dataHeld: true,
      dataDepartment: true,
      staffCount: true,
      consentPublication: true,
      submittedAt: true,
      applicant: { select: { email: true } },
      track: { select: { id: true, label: true, kind: true, places: true } },
      municipalities: { select: { municipality: { select: { code: true, name: true, prefecture: { select: { name: true } } } } } },
      files: { select: { id: true, fileName: true, questionId: true } },
      answers: { select: { questionId: true, value: true } },
      call: { select: { criteria: { orderBy: { position: "asc" }, select: { id: true, label: true, weight: true, maxScore: true } } } },
      scores: { select: { criterionId: true, reviewerId: true, score: true, comment: true, reviewer: { select: { displayName: true } } } },
    },
  });
  if (!app) return null;
  const mine = app.scores.filter((s) => s.reviewerId === user.id);
  const seesOthers = role === "manager" || mine.length > 0;
  return { ...app, scores: seesOthers ? app.scores : mine, seesOthers };
}

/** Save one reviewer's scores (every criterion, 1..max) and comment for a submitted application. */
export async function scoreApplication(reviewerId: string, callId: string, applicationId: string, scores: Record<string, string>, comment: string): Promise<Result> {
  const app = await prisma.application.findFirst({ where: { id: applicationId, callId, status: "submitted" }, select: { id: true, call: { select: { criteria: { select: { id: true, maxScore: true } } } } } });
  if (!app) return fail("call.error.noSuchApplication");
  const errors: Record<string, string> = {};
  const values = app.call.criteria.map((c) => {
    const raw = scores[c.id] ?? "";
    const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= c.maxScore)) errors[`score.${c.id}`] = "call.validation.score";
    return { criterionId: c.id, score: n };
  });
  if (Object.keys(errors).length > 0) return fail("call.error.scoreMissing", errors);
  await prisma.$transaction(async (tx) => {
    for (const v of values) {
      await tx.applicationScore.upsert({
        where: { applicationId_reviewerId_criterionId: { applicationId: app.id, reviewerId, criterionId: v.criterionId } },
        create: { applicationId: app.id, reviewerId, criterionId: v.criterionId, score: v.score, comment },
        update: { score: v.score, comment },
      });
    }
    await recordAudit({ actorId: reviewerId, action: "application.score", entityType: "application", entityId: app.id, after: { scores: values } }, tx);
  });
  return { ok: true };
}

/** Decide; "selected" only while the track has places left (checked inside the write). */
export async function decideApplication(actorId: string, callId: string, applicationId: string, decision: Decision | null, now = new Date()): Promise<Result<object, { params?: Record<string, string | number> }>> {
  return prisma.$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { id: applicationId, callId, status: "submitted" }, select: { id: true, decision: true, academyId: true, track: { select: { id: true, places: true, label: true } } } });
    if (!app) return fail("call.error.noSuchApplication");
    if (app.academyId && decision !== "selected") return fail("call.error.academyMade");
    if (decision === "selected" && app.decision !== "selected") {
      const taken = await tx.application.count({ where: { trackId: app.track.id, status: "submitted", decision: "selected" } });
      if (taken >= app.track.places) return { ...fail("call.error.placesFilled"), params: { track: app.track.label, places: app.track.places } };
    }
    await tx.application.update({ where: { id: app.id }, data: { decision, decidedAt: decision ? now : null, decisionMailedAt: decision === app.decision ? undefined : null } });
    await recordAudit({ actorId, action: "application.decide", entityType: "application", entityId: app.id, before: { decision: app.decision }, after: { decision } }, tx);
    return { ok: true };
  });
}

/** Mail every decision not mailed yet, each in its applicant's language; once each. */
export async function mailDecisions(actorId: string, callId: string): Promise<number> {
  const queued: QueuedMail[] = [];
  await prisma.$transaction(async (tx) => {
    const call = await tx.call.findUniqueOrThrow({ where: { id: callId }, select: { title: true } });
    const apps = await tx.application.findMany({
      where: { callId, status: "submitted", decision: { not: null }, decisionMailedAt: null },
      select: { id: true, decision: true, contactName: true, track: { select: { label: true } }, applicant: { select: { email: true, displayName: true, locale: true } } },
    });
    for (const app of apps) {
      const t = serverT(app.applicant.locale === "en" ? "en" : "ja");
      queued.push(
        await queueMail(tx, {
          to: app.applicant.email,
          subject: t("call.mail.decisionSubject", { call: call.title }),
          text: t(`call.mail.decision.${app.decision}`, { name: app.contactName || app.applicant.displayName, call: call.title, track: app.track.label, link: `${env().appUrl}/applications/${app.id}` }),
        }),
      );
      await tx.application.update({ where: { id: app.id }, data: { decisionMailedAt: new Date() } });
    }
    if (apps.length) await recordAudit({ actorId, action: "call.mail_decisions", entityType: "call", entityId: callId, after: { count: apps.length } }, tx);
  });
  await deliverQueued(queued);
  return queued.length;
}

/**
 * A selected application of an academy track becomes a draft: a region of its governments, an
 * academy of the call's fiscal year (planning, default stages, no sessions yet) and a team with
 * the problem as its theme, led by the applicant. Once per application.
 */
/** `t` names the new region, academy and team in the coordinator's language. */
export async function academyFromApplication(actorId: string, callId: string, applicationId: string, t: (key: string, params?: Record<string, unknown>) => string): Promise<Result<{ academyId: string }>> {
  try {
    const academyId = await prisma.$transaction(async (tx) => {
      const app = await tx.application.findFirst({
        where: { id: applicationId, callId, status: "submitted", decision: "selected", academyId: null, track: { kind: "academy" } },
        select: { id: true, problem: true, applicantId: true, contactDepartment: true, leadMunicipalityCode: true, call: { select: { fiscalYear: true } }, municipalities: { select: { municipality: { select: { code: true, name: true } } } } },
      });
      if (!app) throw new NotEligible();
      const places = [...app.municipalities].sort((a, b) => (a.municipality.code === app.leadMunicipalityCode ? -1 : b.municipality.code === app.leadMunicipalityCode ? 1 : a.municipality.code.localeCompare(b.municipality.code)));
      const names = places.map((m) => m.municipality.name);
      const regionName = names.length > 1 ? t("call.draftName.wideRegion", { lead: names[0], count: names.length - 1 }) : names[0]!;
      const region = await tx.region.create({ data: { name: regionName, members: { create: places.map((m) => ({ municipalityCode: m.municipality.code })) } }, select: { id: true } });
      const academy = await tx.academy.create({ data: { regionId: region.id, fiscalYear: app.call.fiscalYear, name: t("call.draftName.academy", { region: regionName }), status: "planning" }, select: { id: true } });
      await createDefaultStages(tx, academy.id);
      const enrollment = await tx.enrollment.create({ data: { academyId: academy.id, userId: app.applicantId, role: "participant", status: "active", municipalityCode: app.leadMunicipalityCode, department: app.contactDepartment } });
      const theme = app.problem.split(/\r?\n/)[0]!.slice(0, 100);
      await tx.team.create({
        data: {
          academyId: academy.id,
          name: t("call.draftName.team", { names: names.join(t("format.list")) }).slice(0, 100),
          themeTitle: theme,
          problemStatement: app.problem,
          leadId: app.applicantId,
          municipalities: { create: places.map((m) => ({ municipalityCode: m.municipality.code })) },
          members: { create: [{ enrollmentId: enrollment.id, teamRole: "problem_owner" }] },
        },
      });
      await tx.application.update({ where: { id: app.id }, data: { academyId: academy.id } });
      await recordAudit({ actorId, action: "application.academy", entityType: "application", entityId: app.id, after: { academyId: academy.id, regionId: region.id } }, tx);
      return academy.id;
    });
    return { ok: true, academyId };
  } catch (error) {
    if (error instanceof NotEligible) return fail("call.error.notEligible");
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return fail("call.error.notEligible");
    throw error;
  }
}

class NotEligible extends Error {}
