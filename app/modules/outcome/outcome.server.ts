import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fail, type Result } from "~/utils/result";
import { followUpDue, OUTCOME_MONTHS, type OutcomeInput } from "./rules";

export async function recordOutcome(actorId: string, academyId: string, input: OutcomeInput): Promise<Result> {
  const team = await prisma.team.findFirst({ where: { id: input.teamId, academyId }, select: { id: true, name: true } });
  if (!team) return fail("outcome.error.unknownTeam");
  await prisma.$transaction(async (tx) => {
    const before = await tx.proposalOutcome.findUnique({ where: { teamId_monthsAfter: { teamId: team.id, monthsAfter: input.monthsAfter } } });
    const data = { status: input.status, note: input.note, url: input.url, recordedById: actorId };
    await tx.proposalOutcome.upsert({ where: { teamId_monthsAfter: { teamId: team.id, monthsAfter: input.monthsAfter } }, create: { teamId: team.id, monthsAfter: input.monthsAfter, ...data }, update: data });
    await recordAudit(
      {
        actorId,
        action: before ? "outcome.update" : "outcome.record",
        entityType: "team",
        entityId: team.id,
        before: before ? { monthsAfter: before.monthsAfter, status: before.status, note: before.note, url: before.url } : undefined,
        after: { monthsAfter: input.monthsAfter, status: input.status, note: input.note, url: input.url },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Every team of the academy with its follow-ups and when each is due. Three statements. */
export async function academyOutcomes(academyId: string) {
  const [last, teams, outcomes] = await Promise.all([
    prisma.workshopSession.findFirst({ where: { academyId }, orderBy: { sequence: "desc" }, select: { endsAt: true } }),
    prisma.team.findMany({ where: { academyId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, themeTitle: true } }),
    prisma.proposalOutcome.findMany({ where: { team: { academyId } }, select: { teamId: true, monthsAfter: true, status: true, note: true, url: true, updatedAt: true } }),
  ]);
  const byTeam = new Map<string, typeof outcomes>();
  for (const o of outcomes) byTeam.set(o.teamId, [...(byTeam.get(o.teamId) ?? []), o]);
  return {
    endsAt: last?.endsAt.toISOString() ?? null,
    due: Object.fromEntries(OUTCOME_MONTHS.map((m) => [m, last ? followUpDue(last.endsAt, m).toISOString() : null])) as Record<number, string | null>,
    teams: teams.map((t) => ({
      ...t,
      outcomes: Object.fromEntries((byTeam.get(t.id) ?? []).map((o) => [o.monthsAfter, { status: o.status, note: o.note, url: o.url, updatedAt: o.updatedAt.toISOString() }])) as Record<
        number,
        { status: string; note: string; url: string; updatedAt: string } | undefined
      >,
    })),
  };
}

export async function teamOutcomes(teamId: string) {
  return prisma.proposalOutcome.findMany({ where: { teamId }, orderBy: { monthsAfter: "asc" }, select: { monthsAfter: true, status: true, note: true, url: true } });
}
