import { prisma } from "~/utils/db.server";
import type { AcademyContext } from "~/modules/academy/context.server";

// Who may do what on one board. A team board is seen by the team and the academy's staff (another
// team's member gets 404, as for the team page); a session board by everyone in the academy.
// Staff (run:session) steer the board; participants write cards, group, vote and add actions.

export type RetroRole = "staff" | "member" | "viewer";

export interface RetroAccess {
  userId: string;
  role: RetroRole;
  /** what locates the board (the rest is read with the board, at its revision, or in the change's transaction) */
  retro: {
    id: string;
    academyId: string;
    teamId: string | null;
    createdAt: Date;
    revision: number;
  };
}

/** The board and the viewer's role on it, or null when it does not exist or is not theirs to see. */
export async function findRetroAccess(context: AcademyContext, retroId: string | undefined): Promise<RetroAccess | null> {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent — an id beyond 40 characters is never found; the guard only saves the query
  if (!retroId || retroId.length > 40) return null;
  const retro = await prisma.retrospective.findFirst({
    where: { id: retroId, academyId: context.academy.id },
    // Stryker disable next-line BooleanLiteral: equivalent — the revision only keys the board kept in memory; without it the board is read again
    select: { id: true, teamId: true, createdAt: true, revision: true },
  });
  if (!retro) return null;
  const role = await roleOn(context, retro.teamId);
  if (!role) return null;
  return { userId: context.user.id, role, retro: { ...retro, academyId: context.academy.id } };
}

/** The role on a board of this team (null: a session board), or null when it is not visible. */
export async function roleOn(context: AcademyContext, teamId: string | null): Promise<RetroRole | null> {
  if (context.can.runSessions) return "staff";
  const enrollment = context.enrollment;
  const isParticipant = context.can.workInTeam;
  if (teamId === null) return isParticipant ? "member" : "viewer";
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent — everyone who sees the academy without running sessions is enrolled, and only participants are team members
  if (enrollment && isParticipant) {
    const member = await prisma.teamMember.count({ where: { teamId, enrollmentId: enrollment.id } });
    if (member > 0) return "member";
  }
  return context.can.seeAllTeams ? "viewer" : null;
}

/** Writes on the board: cards, groups, votes, actions (staff and the team's members; a viewer only watches). */
// Stryker disable next-line ArrowFunction: static — the definition is evaluated once when the module loads, which the mutation runner does not repeat per mutant; the rule inside it is mutated and tested (intent matrix)
export const mayWrite = (access: RetroAccess): boolean => access.role === "staff" || access.role === "member";

/** Steers the board: phases, timer, anonymity, discussion notes (whoever runs the session). */
// Stryker disable next-line ArrowFunction: static — the definition is evaluated once when the module loads, which the mutation runner does not repeat per mutant; the rule inside it is mutated and tested (intent matrix)
export const mayModerate = (access: RetroAccess): boolean => access.role === "staff";

/** Says when they are done with a phase: those who write as participants (the team's members, or everyone taking part on a session's board). */
// Stryker disable next-line ArrowFunction: static — the definition is evaluated once when the module loads, which the mutation runner does not repeat per mutant; the rule inside it is mutated and tested (intent matrix)
export const mayMarkReady = (access: RetroAccess): boolean => access.role === "member";
