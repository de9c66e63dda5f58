import { TAKING_PART, withRole } from "~/modules/account/permissions";
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { cardsRevealed, promptsFor, readyAsked, type Prompt, type TemplateKey } from "./rules";
import type { NewRetroInput } from "./schemas";
import type { RetroAccess } from "./access.server";
import { readBoard } from "./board-read.server";
import { fail, type Result } from "~/utils/result";
import { fromTokyoInputs } from "~/utils/dates";
import type { AcademyContext } from "~/modules/academy/context.server";

// Creating a board and reading it as one viewer sees it: others' cards stay hidden until the
// reflect phase ends, authors stay hidden on an anonymous board. A constant number of statements.

const PromptList = z.array(z.object({ key: z.string(), label: z.string() }));

export function parsePrompts(json: string): Prompt[] {
  return PromptList.parse(JSON.parse(json));
}

export async function createRetro(context: AcademyContext, input: NewRetroInput): Promise<Result<{ id: string }>> {
  const academyId = context.academy.id;
  if (input.teamId) {
    const team = await prisma.team.count({ where: { id: input.teamId, academyId } });
    if (team === 0) return fail("retro.error.unknownTeam", { teamId: "retro.error.unknownTeam" });
  }
  if (input.sessionId) {
    const session = await prisma.workshopSession.count({ where: { id: input.sessionId, academyId } });
    if (session === 0) return fail("retro.error.unknownSession", { sessionId: "retro.error.unknownSession" });
  }
  const prompts = promptsFor(input.template as TemplateKey, input.prompts);
  const retro = await prisma.$transaction(async (tx) => {
    const created = await tx.retrospective.create({
      data: {
        academyId,
        teamId: input.teamId || null,
        sessionId: input.sessionId || null,
        title: input.title,
        template: input.template,
        prompts: JSON.stringify(prompts),
        anonymous: input.anonymous,
        voteBudget: input.voteBudget,
        maxVotesPerGroup: input.maxVotesPerGroup,
        createdById: context.user.id,
      },
      select: { id: true },
    });
    await recordAudit({ actorId: context.user.id, action: "retro.create", entityType: "retro", entityId: created.id, after: { template: input.template, teamId: input.teamId || null } }, tx);
    return created;
  });
  return { ok: true, id: retro.id };
}

/** Open actions an earlier board left for this one, and those already reviewed here (the board read has the same rule in SQL: previousWhere in board-read.server.ts). */
export function previousActionsWhere(retro: { id: string; academyId: string; teamId: string | null; createdAt: Date }) {
  const earlier = { createdAt: { lt: retro.createdAt }, id: { not: retro.id } };
  return {
    OR: [{ status: "open" }, { reviewedInId: retro.id }],
    ...(retro.teamId ? { teamId: retro.teamId, retro: earlier } : { retro: { ...earlier, academyId: retro.academyId, teamId: null } }),
  };
}


type BoardRetro = RetroAccess["retro"];

/**
 * What every viewer of a board shares at one revision: read once per change (live.server.ts keeps
 * it for the revision), then cut per viewer by viewFor without another statement. It holds every
 * card, hidden ones included: it never leaves the server as it is.
 */
export async function readSharedBoard(r: BoardRetro) {
  const board = await readBoard(r);
  const { cards, actions, previous } = board;
  const [people, teams, stages] = await Promise.all([
    peopleOf(r.academyId, r.teamId, [...cards.map((c) => c.authorId), ...actions.map((a) => a.ownerId), ...previous.map((a) => a.ownerId)]),
    prisma.team.findMany({ where: { academyId: r.academyId, ...(r.teamId ? { id: r.teamId } : {}) }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    prisma.stage.findMany({ where: { academyId: r.academyId, deliverable: { not: "none" } }, orderBy: { position: "asc" }, select: { id: true, key: true, title: true } }),
  ]);
  return { ...board, people, teams, stages };
}
export type SharedBoard = Awaited<ReturnType<typeof readSharedBoard>>;

/** The board as one viewer may see it: others' cards hidden until the reveal, names on an anonymous board hidden, their own votes. */
export function viewFor(shared: SharedBoard, access: Pick<RetroAccess, "role" | "userId">) {
  const { userId } = access;
  const { retro, cards, groups, votes, ready, actions, previous, people, teams, stages } = shared;
  const revealed = cardsRevealed(retro.phase);
  const nameOf = (id: string | null) => (id ? (people.names.get(id) ?? null) : null);
  const visible = cards.filter((c) => revealed || c.authorId === userId);
  const hiddenCounts: Record<string, number> = {};
  if (!revealed) for (const c of cards) if (c.authorId !== userId) hiddenCounts[c.prompt] = (hiddenCounts[c.prompt] ?? 0) + 1;
  const groupVotes = new Map<string, { all: number; mine: number }>();
  for (const v of votes) {
    const g = groupVotes.get(v.groupId) ?? { all: 0, mine: 0 };
    g.all += 1;
    if (v.userId === userId) g.mine += 1;
    groupVotes.set(v.groupId, g);
  }
  const mapAction = (a: (typeof actions)[number]) => ({
    id: a.id,
    text: a.text,
    ownerId: a.ownerId,
    ownerName: nameOf(a.ownerId),
    dueAt: a.dueAt?.toISOString() ?? null,
    status: a.status,
    teamId: a.teamId,
    teamName: a.team?.name ?? null,
    groupId: a.groupId,
    stage: a.stageId && a.stage ? { id: a.stageId, key: a.stage.key, title: a.stage.title } : null,
    carried: a.carriedFromId !== null,
  });
  const authors = new Set(cards.map((c) => c.authorId).filter((id): id is string => id !== null));
  return {
    role: access.role,
    userId,
    retro: {
      id: retro.id,
      title: retro.title,
      template: retro.template,
      prompts: parsePrompts(retro.prompts),
      phase: retro.phase,
      anonymous: retro.anonymous,
      voteBudget: retro.voteBudget,
      maxVotesPerGroup: retro.maxVotesPerGroup,
      phaseEndsAt: retro.phaseEndsAt?.toISOString() ?? null,
      revision: retro.revision,
      closedAt: retro.closedAt?.toISOString() ?? null,
      createdAt: retro.createdAt.toISOString(),
      teamId: retro.teamId,
      teamName: retro.team?.name ?? null,
      session: retro.session && retro.sessionId ? { id: retro.sessionId, sequence: retro.session.sequence, startsAt: retro.session.startsAt.toISOString() } : null,
    },
    cards: visible.map((c) => ({
      id: c.id,
      prompt: c.prompt,
      text: c.text,
      groupId: c.groupId,
      mine: c.authorId === userId,
      author: retro.anonymous ? null : nameOf(c.authorId),
    })),
    hiddenCounts,
    /** How many people have written a card (who, on a named board), for the room's overview. */
    writers: { count: authors.size, names: retro.anonymous ? [] : [...authors].map((id) => nameOf(id)).filter((n): n is string => n !== null) },
    /** Who is done with this phase, of those asked (the participants on the board): names only on a named board. */
    ready: readyView(retro.phase, retro.anonymous, ready, people, userId),
    groups: groups.map((g) => ({ ...g, votes: groupVotes.get(g.id)?.all ?? 0, myVotes: groupVotes.get(g.id)?.mine ?? 0 })),
    myVotesUsed: votes.filter((v) => v.userId === userId).length,
    actions: actions.map(mapAction),
    previousActions: previous.map((a) => ({ ...mapAction(a), reviewedHere: a.reviewedInId === retro.id })),
    owners: people.options,
    teams,
    stages,
  };
}

export type BoardView = ReturnType<typeof viewFor>;

function readyView(phase: string, anonymous: boolean, ready: string[], people: { names: Map<string, string>; options: { id: string; role: string }[] }, userId: string) {
  const asked = withRole(people.options, "participant").map((o) => o.id);
  const done = new Set(ready);
  const doneAsked = asked.filter((id) => done.has(id));
  return {
    asked: readyAsked(phase),
    done: doneAsked.length,
    of: asked.length,
    mine: done.has(userId),
    names: anonymous ? [] : doneAsked.map((id) => people.names.get(id)).filter((n): n is string => n !== undefined),
  };
}

/**
 * Who can own an action (the team's members, or everyone taking part in the academy, plus its
 * staff) and the names of the people the board mentions. One statement each.
 */
async function peopleOf(academyId: string, teamId: string | null, mentioned: (string | null)[]) {
  const enrollments = await prisma.enrollment.findMany({
    where: {
      academyId,
      status: TAKING_PART,
      OR: teamId ? [{ teamMemberships: { some: { teamId } } }, { role: { in: ["facilitator", "coordinator"] } }] : [{ role: { in: ["participant", "facilitator", "coordinator"] } }],
    },
    orderBy: [{ role: "asc" }, { user: { kana: "asc" } }],
    select: { role: true, user: { select: { id: true, displayName: true } } },
  });
  const names = new Map(enrollments.map((e) => [e.user.id, e.user.displayName]));
  const missing = [...new Set(mentioned.filter((id): id is string => !!id && !names.has(id)))];
  if (missing.length > 0) {
    const others = await prisma.user.findMany({ where: { id: { in: missing } }, select: { id: true, displayName: true } });
    for (const u of others) names.set(u.id, u.displayName);
  }
  return { names, options: enrollments.map((e) => ({ id: e.user.id, name: e.user.displayName, role: e.role })) };
}

/** A due date typed in Tokyo time (end of that day is not needed: a date is shown as a date). */
export function dueFromInput(date: string): Date | null {
  return date ? fromTokyoInputs(date, "00:00") : null;
}

/** What a new board can be for: the academy's sessions and teams. */
export async function newBoardOptions(academyId: string) {
  const [sessions, teams] = await Promise.all([
    prisma.workshopSession.findMany({ where: { academyId }, orderBy: { sequence: "asc" }, select: { id: true, sequence: true, startsAt: true } }),
    prisma.team.findMany({ where: { academyId }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  return { sessions: sessions.map((s) => ({ ...s, startsAt: s.startsAt.toISOString() })), teams };
}
