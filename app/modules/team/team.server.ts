import { prisma } from "~/utils/db.server";
import type { Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { teamScope } from "~/modules/academy/scope.server";
import type { SessionUser } from "~/utils/session.server";
import type { MemberInput, TeamInput } from "./schemas";

type Tx = Prisma.TransactionClient;

export type TeamResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string> };

/** A team's governments must be members of the academy's region. */
async function checkMunicipalities(academyId: string, codes: string[]) {
  const academy = await prisma.academy.findUniqueOrThrow({
    where: { id: academyId },
    select: { region: { select: { members: { select: { municipalityCode: true } } } } },
  });
  const allowed = new Set(academy.region.members.map((m) => m.municipalityCode));
  return codes.every((c) => allowed.has(c));
}

async function checkLead(teamId: string | null, leadId: string) {
  if (!leadId) return true;
  if (!teamId) return false;
  return (await prisma.teamMember.count({ where: { teamId, userId: leadId } })) > 0;
}

export async function createTeam(actorId: string, academyId: string, input: TeamInput): Promise<TeamResult> {
  const codes = [...new Set(input.municipalityCodes)];
  if (!(await checkMunicipalities(academyId, codes))) return { ok: false, fieldErrors: { municipalityCodes: "team.validation.municipality" } };
  const team = await prisma.$transaction(async (tx) => {
    const created = await tx.team.create({
      data: {
        academyId,
        name: input.name,
        themeTitle: input.themeTitle,
        problemStatement: input.problemStatement,
        municipalities: { create: codes.map((municipalityCode) => ({ municipalityCode })) },
      },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "team.create", entityType: "team", entityId: created.id, after: { ...input, municipalityCodes: codes } }, tx);
    return created;
  });
  return { ok: true, id: team.id };
}

export async function updateTeam(actorId: string, teamId: string, input: TeamInput): Promise<TeamResult | null> {
  const before = await prisma.team.findUnique({ where: { id: teamId }, include: { municipalities: true } });
  if (!before) return null;
  const codes = [...new Set(input.municipalityCodes)];
  if (!(await checkMunicipalities(before.academyId, codes))) return { ok: false, fieldErrors: { municipalityCodes: "team.validation.municipality" } };
  if (!(await checkLead(teamId, input.leadId))) return { ok: false, fieldErrors: { leadId: "team.validation.lead" } };
  await prisma.$transaction(async (tx) => {
    await tx.teamMunicipality.deleteMany({ where: { teamId } });
    await tx.team.update({
      where: { id: teamId },
      data: {
        name: input.name,
        themeTitle: input.themeTitle,
        problemStatement: input.problemStatement,
        leadId: input.leadId || null,
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
 * Find the person by e-mail or create them as a participant; an existing person keeps their
 * name. Returns the user and whether they still need an invitation (no password yet).
 */
export async function findOrCreateParticipant(tx: Tx, input: { email: string; displayName: string; municipalityCode?: string | null; department: string }) {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, displayName: true, password: { select: { userId: true } } } });
  if (existing) return { id: existing.id, created: false, needsInvitation: !existing.password };
  const user = await tx.user.create({
    data: {
      email: input.email,
      displayName: input.displayName,
      department: input.department,
      municipalityCode: input.municipalityCode ?? null,
      roles: { create: { role: { connect: { name: "participant" } } } },
    },
    select: { id: true },
  });
  return { id: user.id, created: true, needsInvitation: true };
}

export async function addMember(actorId: string, teamId: string, input: MemberInput) {
  const result = await prisma.$transaction(async (tx) => {
    const person = await findOrCreateParticipant(tx, input);
    const already = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: person.id } } });
    if (already) return { ok: false as const, fieldErrors: { email: "team.validation.alreadyMember" } };
    const member = await tx.teamMember.create({
      data: { teamId, userId: person.id, department: input.department, teamRole: input.teamRole },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "team.member_add", entityType: "team", entityId: teamId, after: { ...input, userId: person.id } }, tx);
    return { ok: true as const, memberId: member.id, userId: person.id, needsInvitation: person.needsInvitation };
  });
  return result;
}

export async function removeMember(actorId: string, teamId: string, memberId: string) {
  const member = await prisma.teamMember.findFirst({ where: { id: memberId, teamId } });
  if (!member) return false;
  await prisma.$transaction(async (tx) => {
    await tx.teamMember.delete({ where: { id: memberId } });
    await tx.team.updateMany({ where: { id: teamId, leadId: member.userId }, data: { leadId: null } });
    await recordAudit({ actorId, action: "team.member_remove", entityType: "team", entityId: teamId, before: member }, tx);
  });
  return true;
}

export function teamWarnings(team: { members: { teamRole: string }[] }): string[] {
  const warnings: string[] = [];
  if (team.members.length === 0) warnings.push("team.warning.noMembers");
  else if (!team.members.some((m) => m.teamRole === "data_holder")) warnings.push("team.warning.noDataHolder");
  return warnings;
}

export function listTeams(user: SessionUser, academyId: string) {
  return prisma.team.findMany({
    where: { AND: [{ academyId }, teamScope(user)] },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      themeTitle: true,
      lead: { select: { displayName: true } },
      municipalities: { select: { municipality: { select: { name: true } } } },
      members: { select: { teamRole: true } },
    },
  });
}

export function getTeam(user: SessionUser, academyId: string, teamId: string) {
  return prisma.team.findFirst({
    where: { AND: [{ id: teamId, academyId }, teamScope(user)] },
    select: {
      id: true,
      name: true,
      themeTitle: true,
      problemStatement: true,
      leadId: true,
      municipalities: { select: { municipalityCode: true } },
      members: {
        orderBy: { user: { kana: "asc" } },
        select: {
          id: true,
          department: true,
          teamRole: true,
          user: {
            select: {
              id: true,
              displayName: true,
              email: true,
              password: { select: { userId: true } },
              invitations: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true } },
            },
          },
        },
      },
    },
  });
}
