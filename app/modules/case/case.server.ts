import { containsInsensitive } from "~/utils/sql.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { resolveMunicipalityCodes } from "~/modules/municipality/municipality.server";
import { cellKinds } from "~/modules/privacy/detectors";
import { fail, fieldFailure, type Result } from "~/utils/result";
import { notify } from "~/modules/notification/notification.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";
import type { CaseFilter, CaseInput } from "./themes";

// The case library (事例): a finished team's proposal turned into a case that other governments
// can learn from, published once the team and a coordinator approve it; searchable by anyone.
// No personal data: text with a phone number, an e-mail address or a My Number is refused.

export const CASES_PAGE_SIZE = 20;
const TEXT_FIELDS = ["title", "problem", "dataUsed", "method", "result", "outcome", "contactDepartment"] as const;

/** A field that carries personal data, or null. */
function personalData(input: CaseInput): { field: string; kind: string } | null {
  for (const field of TEXT_FIELDS) {
    for (const line of String(input[field] ?? "").split(/\r?\n/)) {
      const kind = cellKinds(line).find((k) => k === "my_number" || k === "phone" || k === "email");
      if (kind) return { field, kind };
    }
  }
  return null;
}

async function check(input: CaseInput): Promise<Result<{ codes: string[] }, { params?: Record<string, string | number> }>> {
  const personal = personalData(input);
  if (personal) return { ...fieldFailure(personal.field, `case.error.personal.${personal.kind}`) };
  const codes = await resolveMunicipalityCodes(input.municipalityCodes);
  if (!codes.ok) return { ...fieldFailure("municipalityCodes", codes.error), params: codes.params };
  if (codes.codes.length === 0) return fieldFailure("municipalityCodes", "case.validation.municipality");
  return { ok: true, codes: codes.codes };
}

const data = (input: CaseInput) => ({
  title: input.title,
  fiscalYear: input.fiscalYear,
  themeCategory: input.themeCategory,
  populationBand: input.populationBand,
  problem: input.problem,
  dataUsed: input.dataUsed,
  method: input.method,
  result: input.result,
  outcome: input.outcome,
  contactDepartment: input.contactDepartment,
});

/** What a team's work says, as the starting text of its case (the coordinator edits it). */
export async function draftFromTeam(teamId: string, listSeparator: string) {
  const team = await prisma.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      name: true,
      themeTitle: true,
      problemStatement: true,
      academy: { select: { fiscalYear: true } },
      municipalities: { select: { municipalityCode: true } },
      datasets: { select: { name: true }, take: 20 },
      deliverables: { where: { stage: { key: { in: ["analysis", "proposal"] } } }, select: { work: true, stage: { select: { key: true } } } },
      outcomes: { orderBy: { monthsAfter: "desc" }, take: 1, select: { status: true, note: true, monthsAfter: true } },
    },
  });
  const work = (key: string) => {
    try {
      return JSON.parse(team.deliverables.find((d) => d.stage.key === key)?.work ?? "{}") as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const proposal = work("proposal");
  const analysis = work("analysis");
  const findings = Array.isArray(analysis.findings) ? (analysis.findings as { evidence?: string }[]).map((f) => f.evidence ?? "").filter(Boolean) : [];
  return {
    title: team.themeTitle || team.name,
    fiscalYear: String(team.academy.fiscalYear),
    municipalityCodes: team.municipalities.map((m) => m.municipalityCode).join(", "),
    problem: team.problemStatement,
    dataUsed: team.datasets.map((d) => d.name).join(listSeparator),
    method: findings.join("\n"),
    result: [proposal.policy, proposal.expectedEffect].filter((v) => typeof v === "string" && v).join("\n\n"),
    outcome: team.outcomes[0] ? team.outcomes[0].note : "",
  };
}

/**
 * Whether a team's case may be written, and who consents for the team (decision 0019): a case is
 * made from a proposal, so the team's proposal must be accepted or its academy finished; the
 * team's consent is its lead's, given for the team after talking it over.
 */
export async function caseReadiness(teamId: string) {
  const team = await prisma.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      academyId: true,
      leadId: true,
      lead: { select: { displayName: true } },
      academy: { select: { status: true } },
      deliverables: { where: { status: "accepted", stage: { key: "proposal" } }, select: { id: true }, take: 1 },
    },
  });
  return {
    academyId: team.academyId,
    leadId: team.leadId,
    leadName: team.lead?.displayName ?? null,
    ready: team.deliverables.length > 0 || team.academy.status === "finished" || team.academy.status === "archived",
  };
}

/** Everyone in the team, to be told about its case. */
async function teamPeople(tx: Prisma.TransactionClient, teamId: string) {
  const members = await tx.teamMember.findMany({ where: { teamId }, select: { enrollment: { select: { userId: true } } } });
  return members.map((m) => m.enrollment.userId);
}

/** Create or update the case of a team (coordinators); any change takes back both approvals. */
export async function saveTeamCase(actorId: string, teamId: string, input: CaseInput): Promise<Result<{ id: string }, { params?: Record<string, string | number> }>> {
  const readiness = await caseReadiness(teamId);
  if (!readiness.ready) return fail("case.error.notReady");
  const checked = await check(input);
  if (!checked.ok) return checked;
  let mail: QueuedMail[] = [];
  const id = await prisma.$transaction(async (tx) => {
    const existing = await tx.case.findUnique({ where: { teamId }, select: { id: true, teamApprovedAt: true } });
    const row = existing
      ? await tx.case.update({ where: { id: existing.id }, data: { ...data(input), teamApprovedAt: null, teamApprovedById: null, coordinatorApprovedAt: null, coordinatorApprovedById: null, publishedAt: null }, select: { id: true } })
      : await tx.case.create({ data: { ...data(input), teamId }, select: { id: true } });
    await tx.caseMunicipality.deleteMany({ where: { caseId: row.id } });
    await tx.caseMunicipality.createMany({ data: checked.codes.map((municipalityCode) => ({ caseId: row.id, municipalityCode })) });
    await recordAudit({ actorId, action: existing ? "case.update" : "case.create", entityType: "team", entityId: teamId, after: { caseId: row.id, title: input.title } }, tx);
    // The team hears that its case waits for its consent, or that an edit took its consent back.
    if (!existing || existing.teamApprovedAt) {
      mail = await notify(tx, {
        userIds: await teamPeople(tx, teamId),
        kind: "case",
        messageKey: existing ? "caseConsentWithdrawn" : "caseAwaitsConsent",
        params: { title: input.title, lead: readiness.leadName ?? "" },
        link: `/academies/${readiness.academyId}/teams/${teamId}/case`,
      });
    }
    return row.id;
  });
  await deliverQueued(mail);
  return { ok: true, id };
}

/** The team's or the coordinator's approval; the case is published when both are in. */
export async function approveCase(actorId: string, teamId: string, as: "team" | "coordinator", now = new Date()): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.case.findUnique({ where: { teamId }, select: { id: true, teamApprovedAt: true, coordinatorApprovedAt: true, team: { select: { leadId: true } } } });
    if (!row) return fail("case.error.noCase");
    // the team's consent is its lead's (decision 0019)
    if (as === "team" && row.team?.leadId !== actorId) return fail(row.team?.leadId ? "case.error.notLead" : "case.error.noLead");
    const patch: Prisma.CaseUpdateInput = as === "team" ? { teamApprovedAt: now, teamApprovedById: actorId } : { coordinatorApprovedAt: now, coordinatorApprovedById: actorId };
    const both = (as === "team" || row.teamApprovedAt) && (as === "coordinator" || row.coordinatorApprovedAt);
    await tx.case.update({ where: { id: row.id }, data: { ...patch, publishedAt: both ? now : null } });
    await recordAudit({ actorId, action: `case.approve_${as}`, entityType: "team", entityId: teamId, after: { caseId: row.id, published: Boolean(both) } }, tx);
    return { ok: true };
  });
}

export async function withdrawCase(actorId: string, teamId: string): Promise<Result> {
  const { count } = await prisma.case.updateMany({ where: { teamId }, data: { publishedAt: null, teamApprovedAt: null, coordinatorApprovedAt: null } });
  if (count === 0) return fail("case.error.noCase");
  await recordAudit({ actorId, action: "case.withdraw", entityType: "team", entityId: teamId });
  return { ok: true };
}

export function teamCase(teamId: string) {
  return prisma.case.findUnique({
    where: { teamId },
    select: { id: true, title: true, fiscalYear: true, themeCategory: true, populationBand: true, problem: true, dataUsed: true, method: true, result: true, outcome: true, contactDepartment: true, teamApprovedAt: true, coordinatorApprovedAt: true, publishedAt: true, municipalities: { select: { municipality: { select: { code: true, name: true, prefecture: { select: { name: true } } } } } }, files: caseFilesSelect },
  });
}

function publicWhere(filter: CaseFilter): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [{ publishedAt: { not: null } }];
  if (filter.theme) and.push({ themeCategory: filter.theme });
  if (filter.population) and.push({ populationBand: filter.population });
  if (filter.prefecture) and.push({ municipalities: { some: { municipality: { prefectureCode: filter.prefecture } } } });
  if (filter.data) and.push({ dataUsed: containsInsensitive(filter.data) });
  // every word must be found (in the text, or the place's name or its reading: 「ひめじ 健診」)
  for (const word of searchWords(filter.q ?? "")) {
    and.push({
      OR: [
        ...(["title", "problem", "dataUsed", "method", "result", "outcome"] as const).map((field) => ({ [field]: containsInsensitive(word) })),
        { municipalities: { some: { municipality: { OR: [{ name: containsInsensitive(word) }, { kana: containsInsensitive(toHiragana(word)) }, { prefecture: { name: containsInsensitive(word) } }] } } } },
      ],
    });
  }
  return { AND: and };
}

/** The words of a search: split at half- or full-width spaces, widths unified (ＤＸ → DX, ｹﾝｼﾝ → ケンシン). */
export function searchWords(q: string): string[] {
  return q.normalize("NFKC").split(/\s+/).map((w) => w.trim()).filter(Boolean).slice(0, 8).map((w) => w.slice(0, 50));
}

/** Katakana to hiragana, to match the readings of place names (stored in hiragana). */
export function toHiragana(text: string) {
  return text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const caseFilesSelect = { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, storedFile: { select: { size: true } } } } as const;

const publicSelect = {
  id: true,
  title: true,
  fiscalYear: true,
  themeCategory: true,
  populationBand: true,
  problem: true,
  dataUsed: true,
  method: true,
  result: true,
  outcome: true,
  contactDepartment: true,
  publishedAt: true,
  municipalities: { select: { municipality: { select: { code: true, name: true, prefecture: { select: { code: true, name: true } } } } } },
  files: caseFilesSelect,
} as const;

/** Published cases matching the filter, one page, newest year first (three statements). */
export async function publicCases(filter: CaseFilter) {
  const where = publicWhere(filter);
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({ where, orderBy: [{ fiscalYear: "desc" }, { publishedAt: "desc" }, { id: "asc" }], skip: (page - 1) * CASES_PAGE_SIZE, take: CASES_PAGE_SIZE, select: publicSelect }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / CASES_PAGE_SIZE)), cases: rows };
}

/** Every published case matching the filter, for the open-data export (at most 5,000). */
export function exportCases(filter: CaseFilter) {
  return prisma.case.findMany({ where: publicWhere(filter), orderBy: [{ fiscalYear: "desc" }, { id: "asc" }], take: 5000, select: publicSelect });
}

export function publicCase(id: string) {
  // Stryker disable next-line MethodExpression: equivalent — an id beyond 64 characters is never found; the slice only bounds the query
  return prisma.case.findFirst({ where: { id: id.slice(0, 64), publishedAt: { not: null } }, select: publicSelect });
}
