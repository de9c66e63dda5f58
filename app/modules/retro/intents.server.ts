import { z } from "zod";
import { intent, type Intents } from "~/utils/intents.server";
import { mayMarkReady, mayModerate, mayWrite, type RetroAccess } from "./access.server";
import { NewRetroSchema } from "./schemas";
import { createRetro } from "./board.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { ActionSchema, AnonymousSchema, CardIdSchema, CardSchema, GroupSchema, MoveSchema, NotesSchema, PhaseSchema, ReadySchema, ReviewSchema, VoteSchema } from "./schemas";
import { addAction, addCard, addGroup, deleteAction, deleteCard, deleteGroup, moveCard, reviewAction, saveNotes, setAnonymous, setPhase, setReady, vote } from "./changes.server";

// The board's action, declared (decision 0024): one intent per form — who may use it, the form's
// schema, the change. The changes check the same rules again inside their transaction.

const ActionIdSchema = z.object({ actionId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid") });
const GroupIdSchema = z.object({ groupId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid") });

const writer = { may: mayWrite, refusal: "retro.error.notAllowed" } as const;
const moderator = { may: mayModerate, refusal: "retro.error.onlyFacilitator" } as const;

export const BOARD_INTENTS: Intents<RetroAccess> = {
  addCard: intent({ ...writer, schema: CardSchema, run: (v, access: RetroAccess) => addCard(access, v) }),
  deleteCard: intent({ ...writer, schema: CardIdSchema, run: (v, access: RetroAccess) => deleteCard(access, v.cardId) }),
  addGroup: intent({ ...writer, schema: GroupSchema, run: (v, access: RetroAccess) => addGroup(access, v.title) }),
  deleteGroup: intent({ ...writer, schema: GroupIdSchema, run: (v, access: RetroAccess) => deleteGroup(access, v.groupId) }),
  move: intent({ ...writer, schema: MoveSchema, run: (v, access: RetroAccess) => moveCard(access, v.cardId, v.groupId) }),
  vote: intent({ ...writer, schema: VoteSchema, run: (v, access: RetroAccess) => vote(access, v.groupId, v.direction === "add") }),
  notes: intent({ may: mayModerate, refusal: "retro.error.notAllowed", schema: NotesSchema, run: (v, access: RetroAccess) => saveNotes(access, v.groupId, v.notes) }),
  addAction: intent({ ...writer, schema: ActionSchema, run: (v, access: RetroAccess) => addAction(access, v) }),
  deleteAction: intent({ ...writer, schema: ActionIdSchema, run: (v, access: RetroAccess) => deleteAction(access, v.actionId) }),
  ready: intent({ may: mayMarkReady, refusal: "retro.error.notAllowed", schema: ReadySchema, run: (v, access: RetroAccess) => setReady(access, v.ready) }),
  review: intent({ ...writer, schema: ReviewSchema, run: (v, access: RetroAccess) => reviewAction(access, v.actionId, v.decision) }),
  phase: intent({ ...moderator, schema: PhaseSchema, run: (v, access: RetroAccess) => setPhase(access, v.phase, v.minutes) }),
  anonymous: intent({ ...moderator, schema: AnonymousSchema, run: (v, access: RetroAccess) => setAnonymous(access, v.anonymous) }),
};

/** Opening a board (decision 0024): those who run the academy's sessions choose its team or session and template; the board follows. */
export const NEW_BOARD_INTENTS: Intents<AcademyContext> = {
  save: intent({
    schema: NewRetroSchema,
    run: async (v, context: AcademyContext) => {
      const created = await createRetro(context, v);
      return created.ok ? { ok: true as const, to: `/academies/${context.academy.id}/retros/${created.id}` } : created;
    },
    done: (r) => ({ to: r.to }),
  }),
};
