import { parseForm } from "~/utils/forms";
import { fail, type Result } from "~/utils/result";
import type { RetroAccess } from "./access.server";
import { ActionSchema, AnonymousSchema, CardIdSchema, CardSchema, GroupSchema, MoveSchema, NotesSchema, PhaseSchema, ReviewSchema, VoteSchema } from "./schemas";
import { addAction, addCard, addGroup, deleteAction, deleteCard, deleteGroup, moveCard, reviewAction, saveNotes, setAnonymous, setPhase, vote } from "./changes.server";
import { z } from "zod";

// The board's action: one intent per form, each parsed by its schema, then the change.

const ActionIdSchema = z.object({ actionId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid") });
const GroupIdSchema = z.object({ groupId: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid") });

function parsed<T>(result: { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> }): T | Result {
  if (result.ok) return result.data;
  return fail(Object.values(result.fieldErrors)[0] ?? "validation.invalid", result.fieldErrors);
}
const isFailure = (v: unknown): v is Result & { ok: false } => typeof v === "object" && v !== null && "ok" in v && (v as { ok: unknown }).ok === false;

export async function runBoardIntent(access: RetroAccess, form: FormData): Promise<Result> {
  const intent = String(form.get("intent") ?? "");
  switch (intent) {
    case "addCard": {
      const v = parsed(parseForm(CardSchema, form));
      return isFailure(v) ? v : addCard(access, v as z.output<typeof CardSchema>);
    }
    case "deleteCard": {
      const v = parsed(parseForm(CardIdSchema, form));
      return isFailure(v) ? v : deleteCard(access, (v as z.output<typeof CardIdSchema>).cardId);
    }
    case "addGroup": {
      const v = parsed(parseForm(GroupSchema, form));
      return isFailure(v) ? v : addGroup(access, (v as z.output<typeof GroupSchema>).title);
    }
    case "deleteGroup": {
      const v = parsed(parseForm(GroupIdSchema, form));
      return isFailure(v) ? v : deleteGroup(access, (v as z.output<typeof GroupIdSchema>).groupId);
    }
    case "move": {
      const v = parsed(parseForm(MoveSchema, form));
      if (isFailure(v)) return v;
      const m = v as z.output<typeof MoveSchema>;
      return moveCard(access, m.cardId, m.groupId);
    }
    case "vote": {
      const v = parsed(parseForm(VoteSchema, form));
      return isFailure(v) ? v : vote(access, (v as z.output<typeof VoteSchema>).groupId, form.get("direction") !== "remove");
    }
    case "notes": {
      const v = parsed(parseForm(NotesSchema, form));
      if (isFailure(v)) return v;
      const n = v as z.output<typeof NotesSchema>;
      return saveNotes(access, n.groupId, n.notes);
    }
    case "addAction": {
      const v = parsed(parseForm(ActionSchema, form));
      return isFailure(v) ? v : addAction(access, v as z.output<typeof ActionSchema>);
    }
    case "deleteAction": {
      const v = parsed(parseForm(ActionIdSchema, form));
      return isFailure(v) ? v : deleteAction(access, (v as z.output<typeof ActionIdSchema>).actionId);
    }
    case "review": {
      const v = parsed(parseForm(ReviewSchema, form));
      if (isFailure(v)) return v;
      const r = v as z.output<typeof ReviewSchema>;
      return reviewAction(access, r.actionId, r.decision);
    }
    case "phase": {
      if (access.role !== "staff") return fail("retro.error.onlyFacilitator");
      const v = parsed(parseForm(PhaseSchema, form));
      if (isFailure(v)) return v;
      const p = v as z.output<typeof PhaseSchema>;
      return setPhase(access, p.phase, p.minutes);
    }
    case "anonymous": {
      const v = parsed(parseForm(AnonymousSchema, form));
      return isFailure(v) ? v : setAnonymous(access, (v as z.output<typeof AnonymousSchema>).anonymous);
    }
    default:
      return fail("form.unknownIntent");
  }
}
