import { UNDER_WAY, takesPart } from "~/modules/account/permissions";
import { prisma } from "~/utils/db.server";
import type { Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { MemberInput, TeamInput } from "./schemas";
import { fieldFailure, type Result } from "~/utils/result";

type Tx = Prisma.TransactionClient;

export type TeamResult = Result<{ id: string }>;

/** A team's governments must be members of the academy's region. */
async function checkMunicipalities(academyId: string, codes: string[]) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: { region: { select: { members: { select: { municipalityCode: true } } } } },
  });
  const allowed = new Set(academy.region.members.map((m) => m.municipalityCode));
  return codes.every((c) => allowed.has(c));
}

/** Facilitators of the academy a team can be assigned to (invited or active). */
export async function teamFacilitatorOptions(academyId: string) {
  const rows = await prisma.enrollment.findMany({
    where: { academyId, role: "facilitator", status: UNDER_WAY },
    orderBy: { user: { kana: "asc" } },
    select: { user: { select: { id: true, displayName: true } } },
  });
  return rows.map((r) => ({ userId: r.user.id, displayName: r.user.displayName }));
}

async function checkFacilitator(academyId: string, facilitatorId: string) {
  if (!facilitatorId) return true;
  return (await prisma.enrollment.count({ where: { academyId, userId: facilitatorId, role: "facilitator", status: UNDER_WAY } })) > 0;
}

async function checkLead(teamId: string | null, leadId: string) {
  if (!leadId) return true;
  if (!teamId) return false;
  return (await prisma.teamMember.count({ where: { teamId, enrollment: { userId: leadId } } })) > 0;
}

export async function createTeam(actorId: string, academyId: string, input: TeamInput): Promise<TeamResult> {
  const codes = [...new Set(input.municipalityCodes)];
  if (!(await checkMunicipalities(academyId, codes))) return fieldFailure("municipalityCodes", "team.validation.municipality");
  if (!(await checkFacilitator(academyId, input.facilitatorId))) return fieldFailure("facilitatorId", "team.validation.facilitator");
  const team = await prisma.$transaction(async (tx) => {
    const created = await tx.team.create({
      data: {
        academyId,
        name: input.name,
        themeTitle: input.themeTitle,
        problemStatement: input.problemStatement,
        facilitatorId: input.facilitatorId || null,
        municipalities: { create: codes.map((municipalityCode) => ({ municipalityCode })) },
      },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "team.create", entityType: "team", entityId: created.id, after: { ...input, municipalityCodes: codes } }, tx);
    return created;
  });
  return { ok: true, id: team.id };
}

export async function updateTeam(actorId: string, academyId: string, teamId: string, input: TeamInput): Promise<TeamResult | null> {
  const before = await prisma.team.findFirst({ where: { id: teamId, academyId }, include: { municipalities: true } });
  if (!before) return null;
  const codes = [...new Set(input.municipalityCodes)];
  if (!(await checkMunicipalities(before.academyId, codes))) return fieldFailure("municipalityCodes", "team.validation.municipality");
  if (!(await checkLead(teamId, input.leadId))) return fieldFailure("leadId", "team.validation.lead");
  if (!(await checkFacilitator(before.academyId, input.facilitatorId))) return fieldFailure("facilitatorId", "team.validation.facilitator");
  await prisma.$transaction(async (tx) => {
    await tx.teamMunicipality.deleteMany({ where: { teamId } });
    await tx.team.update({
      where: { id: teamId },
      data: {
        name: input.name,
        themeTitle: input.themeTitle,
        problemStatement: input.problemStatement,
        leadId: input.leadId || null,
        facilitatorId: input.facilitatorId || null,
        municipalities: { create: codes.map((municipalityCode) => ({ municipalityCode })) },
      },
    });
    await recordAudit(
      {
        actorId,
        action: "team.update",
        entityType: "team",
        entityId: teamId,
        before: { ...before, municipalities: before.municipalities.map((m) => m.municipalityCode) },
        after: { ...input, municipalityCodes: codes },
      },
      tx,
    );
  });
  return { ok: true, id: teamId };
}

/**
 * Find the person by e-mail or create them (no global role: what they may do comes from their
 * enrollments). An existing person keeps their name; an empty kana is filled in.
 */
export async function findOrCreatePerson(tx: Tx, input: { email: string; displayName: string; kana?: string; municipalityCode?: string | null; department: string }) {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, kana: true, password: { select: { userId: true } } } });
  if (existing) {
    if (!existing.kana && input.kana) await tx.user.update({ where: { id: existing.id }, data: { kana: input.kana } });
    return { id: existing.id, created: false, hasPassword: Boolean(existing.password) };
  }
  const user = await tx.user.create({
    data: { email: input.email, displayName: input.displayName, kana: input.kana ?? "", department: input.department, municipalityCode: input.municipalityCode ?? null },
    select: { id: true },
  });
  return { id: user.id, created: true, hasPassword: false };
}

/**
 * The person's enrollment in the academy, created as a participant when they have none. The
 * snapshot (municipality, department) is what they are for this academy. Staff keep their role.
 * `newlyEnrolled` tells the caller to let them know (an invitation, or a notice to someone who
 * can already sign in).
 */
export async function ensureEnrollment(
  tx: Tx,
  academyId: string,
  person: { id: string; hasPassword: boolean },
  snapshot: { municipalityCode?: string | null; department: string },
) {
  const existing = await tx.enrollment.findUnique({ where: { academyId_userId: { academyId, userId: person.id } }, select: { id: true, status: true, role: true } });
  if (existing && takesPart(existing)) return { id: existing.id, newlyEnrolled: false };
  const status = person.hasPassword ? "active" : "invited";
  const data = { role: existing?.role ?? "participant", status, municipalityCode: snapshot.municipalityCode ?? null, department: snapshot.department };
  const enrollment = existing
    ? await tx.enrollment.update({ where: { id: existing.id }, data, select: { id: true } })
    : await tx.enrollment.create({ data: { academyId, userId: person.id, ...data }, select: { id: true } });
  return { id: enrollment.id, newlyEnrolled: true };
}

export async function addMember(actorId: string, academyId: string, teamId: string, input: MemberInput) {
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id: teamId, academyId }, select: { id: true } });
    if (!team) return { ok: false as const, reason: "team.validation.missing", fieldErrors: {} };
    const person = await findOrCreatePerson(tx, input);
    const enrollment = await ensureEnrollment(tx, academyId, person, input);
    const already = await tx.teamMember.findUnique({ where: { teamId_enrollmentId: { teamId, enrollmentId: enrollment.id } } });
    if (already) return { ok: false as const, reason: "team.validation.alreadyMember", fieldErrors: { email: "team.validation.alreadyMember" } };
    if (!enrollment.newlyEnrolled) await tx.enrollment.update({ where: { id: enrollment.id }, data: { department: input.department } });
    const member = await tx.teamMember.create({ data: { teamId, enrollmentId: enrollment.id, teamRole: input.teamRole }, select: { id: true } });
    await recordAudit({ actorId, action: "team.member_add", entityType: "team", entityId: teamId, after: { ...input, userId: person.id } }, tx);
    return { ok: true as const, memberId: member.id, userId: person.id, needsInvitation: !person.hasPassword, newlyEnrolled: enrollment.newlyEnrolled };
  });
}

export async function removeMember(actorId: string, academyId: string, teamId: string, memberId: string) {
  const member = await prisma.teamMember.findFirst({
    where: { id: memberId, teamId, team: { academyId } },
    select: { id: true, teamRole: true, enrollment: { select: { userId: true, user: { select: { displayName: true, email: true } } } } },
  });
  if (!member) return null;
  await prisma.$transaction(async (tx) => {
    await tx.teamMember.delete({ where: { id: memberId } });
    await tx.team.updateMany({ where: { id: teamId, leadId: member.enrollment.userId }, data: { leadId: null } });
    await recordAudit(
      { actorId, action: "team.member_remove", entityType: "team", entityId: teamId, before: { userId: member.enrollment.userId, name: member.enrollment.user.displayName, teamRole: member.teamRole } },
      tx,
    );
  });
  return { name: member.enrollment.user.displayName };
}

export function teamWarnings(team: { members: { teamRole: string }[] }): string[] {
  const warnings: string[] = [];
  if (team.members.length === 0) warnings.push("team.warning.noMembers");
  else if (!team.members.some((m) => m.teamRole === "data_holder")) warnings.push("team.warning.noDataHolder");
  return warnings;
}

export { getTeam } from "./team-page.server";

/** Is this person a member of this team (for invitations and other per-member actions)? */
export async function teamMemberUserId(teamId: string, userId: string) {
  const member = await prisma.teamMember.findFirst({ where: { teamId, enrollment: { userId } }, select: { id: true } });
  return member ? userId : null;
}
