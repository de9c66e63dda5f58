import { useActionData } from "@remix-run/react";
import type { Refusal } from "./result";

/**
 * The page's refused form, if its last action refused one (decision 0024): why, per field, what was
 * typed and which form; `E` names the details a page's changes add (a schedule's clashes, say).
 */
export function useRefusal<E extends object = object>(): (Refusal & Partial<E>) | undefined {
  const answer = useActionData<unknown>();
  return answer && typeof answer === "object" && "ok" in answer && answer.ok === false ? (answer as Refusal & Partial<E>) : undefined;
}
