import { TAKING_PART } from "~/modules/account/permissions";
import { lockRow } from "~/utils/sql.server";
import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fail, type Result } from "~/utils/result";
import { toTokyoDateInput } from "~/utils/dates";
import { phaseIndex, readyAsked, voteRefusal, type ActionDecision, type Phase } from "./rules";
import { dueFromInput, parsePrompts, previousActionsWhere } from "./board.server";
import { mayMarkReady, mayModerate, mayWrite, type RetroAccess } from "./access.server";
import { boardChanged } from "./live.server";
import { notify } from "~/modules/notification/notification.server";
import { deliverQueued, type QueuedMail } from "~/modules/mail/mailer.server";

// Every change to a board: checked against the phase and the person's role, written in one
// transaction that also bumps the board's revision (live viewers reload on a new revision).

type Tx = Prisma.TransactionClient;

const MAX_CARDS_PER_PERSON = 60;
const MAX_GROUPS = 60;
const MAX_ACTIONS = 60;

/** Run a change against the board as it is now (not as the request found it) and bump its revision. */
async function change(
  access: RetroAccess,
  run: (tx: Tx, retro: NonNullable<Awaited<ReturnType<typeof current>>>, mail: QueuedMail[]) => Promise<Result>,
  { allowClosed = false } = {},
): Promise<Result<{ revision?: number }>> {
  let revision = null as number | null;
  const mail: QueuedMail[] = [];
  const result = await prisma.$transaction(async (tx) => {
    // one change of a board at a time: the budget and phase checks below see every earlier change
    await lockRow(tx, "Retrospective", access.retro.id);
    const retro = await current(tx, access.retro.id);
    if (!retro) return fail("retro.error.gone");
    if (retro.phase === "closed" && !allowClosed) return fail("retro.error.closed");
    const outcome = await run(tx, retro, mail);
    if (outcome.ok) revision = (await tx.retrospective.update({ where: { id: retro.id }, data: { revision: { increment: 1 } }, select: { revision: true } })).revision;
    return outcome;
  });
  // committed: every viewer, in every process, gets the new state (live.server.ts), and mail goes out
  if (revision === null) return result;
  boardChanged(access.retro.id, revision);
  await deliverQueued(mail);
  // the board's revision with this change (the page compares it with the stream's)
  return result.ok ? { ...result, revision } : result;
}

function current(tx: Tx, id: string) {
  return tx.retrospective.findUnique({
    where: { id },
    select: { id: true, academyId: true, teamId: true, phase: true, anonymous: true, voteBudget: true, maxVotesPerGroup: true, prompts: true, createdAt: true },
  });
}

const inPhase = (phase: string, ...allowed: Phase[]) => (allowed as string[]).includes(phase);

export function addCard(access: RetroAccess, input: { prompt: string; text: string }) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "reflect")) return fail("retro.error.reflectClosed");
    if (!parsePrompts(retro.prompts).some((p) => p.key === input.prompt)) return fail("validation.invalid", { prompt: "validation.invalid" });
    const mine = await tx.retroCard.count({ where: { retroId: retro.id, authorId: access.userId } });
    if (mine >= MAX_CARDS_PER_PERSON) return fail("retro.error.tooManyCards");
    await tx.retroCard.create({ data: { retroId: retro.id, authorId: access.userId, prompt: input.prompt, text: input.text } });
    return { ok: true };
  });
}

/** One's own card while reflecting; staff may remove any card until the votes start. */
export function deleteCard(access: RetroAccess, cardId: string) {
  return change(access, async (tx, retro) => {
    const card = await tx.retroCard.findFirst({ where: { id: cardId, retroId: retro.id }, select: { id: true, authorId: true } });
    if (!card) return fail("retro.error.unknownCard");
    const own = card.authorId === access.userId && inPhase(retro.phase, "reflect");
    const moderated = mayModerate(access) && inPhase(retro.phase, "reflect", "group");
    if (!own && !moderated) return fail("retro.error.notAllowed");
    await tx.retroCard.delete({ where: { id: card.id } });
    return { ok: true };
  });
}

export function addGroup(access: RetroAccess, title: string) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "group")) return fail("retro.error.notGrouping");
    const count = await tx.retroGroup.count({ where: { retroId: retro.id } });
    if (count >= MAX_GROUPS) return fail("retro.error.tooManyGroups");
    await tx.retroGroup.create({ data: { retroId: retro.id, title, position: count } });
    return { ok: true };
  });
}

export function moveCard(access: RetroAccess, cardId: string, groupId: string) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "group")) return fail("retro.error.notGrouping");
    const card = await tx.retroCard.count({ where: { id: cardId, retroId: retro.id } });
    if (card === 0) return fail("retro.error.unknownCard");
    if (groupId && (await tx.retroGroup.count({ where: { id: groupId, retroId: retro.id } })) === 0) return fail("retro.error.unknownGroup");
    await tx.retroCard.update({ where: { id: cardId }, data: { groupId: groupId || null } });
    return { ok: true };
  });
}

export function deleteGroup(access: RetroAccess, groupId: string) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "group")) return fail("retro.error.notGrouping");
    const deleted = await tx.retroGroup.deleteMany({ where: { id: groupId, retroId: retro.id } });
    if (deleted.count === 0) return fail("retro.error.unknownGroup");
    return { ok: true };
  });
}

export function vote(access: RetroAccess, groupId: string, add: boolean) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "vote")) return fail("retro.error.notVoting");
    if ((await tx.retroGroup.count({ where: { id: groupId, retroId: retro.id } })) === 0) return fail("retro.error.unknownGroup");
    if (!add) {
      const mine = await tx.retroVote.findFirst({ where: { retroId: retro.id, groupId, userId: access.userId }, select: { id: true } });
      if (!mine) return fail("retro.error.noVoteToRemove");
      await tx.retroVote.delete({ where: { id: mine.id } });
      return { ok: true };
    }
    // Counted inside the transaction, after the board's lock (change()), so a double click cannot overspend.
    const [used, onGroup] = await Promise.all([
      tx.retroVote.count({ where: { retroId: retro.id, userId: access.userId } }),
      tx.retroVote.count({ where: { retroId: retro.id, userId: access.userId, groupId } }),
    ]);
    const refusal = voteRefusal({ budget: retro.voteBudget, maxPerGroup: retro.maxVotesPerGroup, used, onGroup });
    if (refusal) return fail(refusal);
    await tx.retroVote.create({ data: { retroId: retro.id, groupId, userId: access.userId } });
    return { ok: true };
  });
}

export function saveNotes(access: RetroAccess, groupId: string, notes: string) {
  return change(access, async (tx, retro) => {
    if (!mayModerate(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "discuss", "actions")) return fail("retro.error.notDiscussing");
    const updated = await tx.retroGroup.updateMany({ where: { id: groupId, retroId: retro.id }, data: { notes } });
    if (updated.count === 0) return fail("retro.error.unknownGroup");
    return { ok: true };
  });
}

export interface ActionInput {
  text: string;
  ownerId: string;
  teamId: string;
  groupId: string;
  stageId: string;
  dueDate: string;
}

export function addAction(access: RetroAccess, input: ActionInput) {
  return change(access, async (tx, retro, mail) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "discuss", "actions")) return fail("retro.error.notActions");
    if ((await tx.retroAction.count({ where: { retroId: retro.id } })) >= MAX_ACTIONS) return fail("retro.error.tooManyActions");
    const teamId = retro.teamId ?? (input.teamId || null);
    if (teamId && !retro.teamId && (await tx.team.count({ where: { id: teamId, academyId: retro.academyId } })) === 0) return fail("retro.error.unknownTeam", { teamId: "retro.error.unknownTeam" });
    if (input.ownerId) {
      const owner = await tx.enrollment.count({
        where: { academyId: retro.academyId, userId: input.ownerId, status: TAKING_PART, ...(retro.teamId ? { OR: [{ teamMemberships: { some: { teamId: retro.teamId } } }, { role: { in: ["facilitator", "coordinator"] } }] } : {}) },
      });
      if (owner === 0) return fail("retro.error.unknownOwner", { ownerId: "retro.error.unknownOwner" });
    }
    if (input.stageId && (await tx.stage.count({ where: { id: input.stageId, academyId: retro.academyId } })) === 0) return fail("validation.invalid", { stageId: "validation.invalid" });
    if (input.groupId && (await tx.retroGroup.count({ where: { id: input.groupId, retroId: retro.id } })) === 0) return fail("retro.error.unknownGroup");
    // a due date already past is a typo, not a plan (dates compared as Japan's calendar days)
    if (input.dueDate && input.dueDate < toTokyoDateInput(new Date())) return fail("retro.error.dueInPast", { dueDate: "retro.error.dueInPast" });
    await tx.retroAction.create({
      data: { retroId: retro.id, teamId, text: input.text, ownerId: input.ownerId || null, stageId: input.stageId || null, groupId: input.groupId || null, dueAt: dueFromInput(input.dueDate) },
    });
    // The owner hears of it, unless they wrote it down themselves.
    if (input.ownerId && input.ownerId !== access.userId) {
      const text = input.text.length > 80 ? `${input.text.slice(0, 80)}…` : input.text;
      mail.push(
        ...(await notify(tx, {
          userIds: [input.ownerId],
          kind: "action_assigned",
          messageKey: input.dueDate ? "actionAssigned" : "actionAssignedNoDue",
          params: { text, due: input.dueDate },
          link: `/academies/${retro.academyId}/retros/${retro.id}`,
        })),
      );
    }
    return { ok: true };
  });
}

export function deleteAction(access: RetroAccess, actionId: string) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    if (!inPhase(retro.phase, "discuss", "actions")) return fail("retro.error.notActions");
    const deleted = await tx.retroAction.deleteMany({ where: { id: actionId, retroId: retro.id, carriedFromId: null } });
    if (deleted.count === 0) return fail("retro.error.unknownAction");
    return { ok: true };
  });
}

/** "Review last actions": done, carried over (continued as an action of this board) or dropped. */
export function reviewAction(access: RetroAccess, actionId: string, decision: ActionDecision) {
  return change(access, async (tx, retro) => {
    if (!mayWrite(access)) return fail("retro.error.notAllowed");
    const action = await tx.retroAction.findFirst({ where: { id: actionId, ...previousActionsWhere(retro) } });
    if (!action) return fail("retro.error.unknownAction");
    if (action.reviewedInId === retro.id && action.status !== "open") {
      // changing one's mind here: undo the carried copy first
      await tx.retroAction.deleteMany({ where: { retroId: retro.id, carriedFromId: action.id } });
    }
    await tx.retroAction.update({ where: { id: action.id }, data: { status: decision, reviewedInId: retro.id } });
    if (decision === "carried") {
      await tx.retroAction.create({
        data: { retroId: retro.id, teamId: action.teamId, text: action.text, ownerId: action.ownerId, stageId: action.stageId, carriedFromId: action.id },
      });
    }
    return { ok: true };
  });
}

export function setPhase(access: RetroAccess, phase: Phase, minutes: number, now = new Date()) {
  return change(access, async (tx, retro) => {
    if (!mayModerate(access)) return fail("retro.error.onlyFacilitator");
    const from = retro.phase;
    if (phase === "vote" && phaseIndex(from) < phaseIndex("vote")) {
      // every card left on its own becomes a group of one, so it can be voted on
      const loose = await tx.retroCard.findMany({ where: { retroId: retro.id, groupId: null }, orderBy: { createdAt: "asc" }, select: { id: true, text: true } });
      let position = await tx.retroGroup.count({ where: { retroId: retro.id } });
      for (const card of loose) {
        const group = await tx.retroGroup.create({ data: { retroId: retro.id, title: card.text.slice(0, 80), position: position++ } });
        await tx.retroCard.update({ where: { id: card.id }, data: { groupId: group.id } });
      }
    }
    await tx.retrospective.update({
      where: { id: retro.id },
      data: { phase, phaseEndsAt: minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null, closedAt: phase === "closed" ? now : null },
    });
    // a new phase (or the same one again) starts its "done" count afresh
    await tx.retroReady.deleteMany({ where: { retroId: retro.id } });
    if (phase === "closed" || from === "closed" || phaseIndex(phase) < phaseIndex(from)) {
      await recordAudit({ actorId: access.userId, action: phase === "closed" ? "retro.close" : "retro.phase", entityType: "retro", entityId: retro.id, before: { phase: from }, after: { phase } }, tx);
    }
    return { ok: true };
  }, { allowClosed: true });
}

/** Say one is done with the phase (or not done after all): the room sees how many are done. */
export function setReady(access: RetroAccess, ready: boolean) {
  return change(access, async (tx, retro) => {
    if (!mayMarkReady(access)) return fail("retro.error.notAllowed");
    if (!readyAsked(retro.phase)) return fail("retro.error.readyClosed");
    const key = { retroId: retro.id, phase: retro.phase, userId: access.userId };
    if (ready) await tx.retroReady.upsert({ where: { retroId_phase_userId: key }, create: key, update: {} });
    else await tx.retroReady.deleteMany({ where: key });
    return { ok: true };
  });
}

/** Names can be hidden at any time; shown again only while nobody has written under anonymity. */
export function setAnonymous(access: RetroAccess, anonymous: boolean) {
  return change(access, async (tx, retro) => {
    if (!mayModerate(access)) return fail("retro.error.onlyFacilitator");
    if (!anonymous && retro.anonymous && (await tx.retroCard.count({ where: { retroId: retro.id } })) > 0) return fail("retro.error.keepAnonymous");
    await tx.retrospective.update({ where: { id: retro.id }, data: { anonymous } });
    return { ok: true };
  });
}
