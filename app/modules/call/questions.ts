import { z } from "zod";
import { requiredText, optionalText } from "~/utils/form-fields";

// A call's own questions beside the fixed fields of the application (応募様式), as a form
// builder would allow: text, a choice, a number or a file. Shared by browser and server.

export const QUESTION_KINDS = ["text", "choice", "number", "file"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MAX_QUESTIONS = 20;
export const MAX_ANSWER = 2000;
const MAX_OPTIONS = 20;

/** The coordinator's form for one question; choices one per line. */
export const QuestionSchema = z
  .object({
    label: requiredText(200),
    help: optionalText(500),
    kind: z.enum(QUESTION_KINDS, { error: "call.question.validation.kind" }),
    required: z.literal("on").optional().transform((v) => v === "on"),
    options: optionalText(2000),
  })
  .transform((q) => ({ ...q, options: q.kind === "choice" ? choicesOf(q.options) : [] }))
  .refine((q) => q.kind !== "choice" || q.options.length >= 2, { message: "call.question.validation.options", path: ["options"] });
export type QuestionInput = z.output<typeof QuestionSchema>;

/** The lines of the choices box: trimmed, no blanks, no repeats. */
export function choicesOf(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((l) => l.trim().slice(0, 100)).filter(Boolean))].slice(0, MAX_OPTIONS);
}

export interface CallQuestionView {
  id: string;
  kind: QuestionKind | string;
  label: string;
  help: string;
  required: boolean;
  options: string[];
}

/** The form field of a question's answer. */
export const answerField = (questionId: string) => `q.${questionId}`;

/** What is wrong with an answer as typed (null: fine). An empty answer is fine for a draft. */
export function answerProblem(question: CallQuestionView, value: string): string | null {
  if (value === "") return null;
  if (value.length > MAX_ANSWER) return "validation.tooLong";
  if (question.kind === "number") return /^-?\d{1,12}(\.\d{1,4})?$/.test(value.normalize("NFKC").replace(/,/g, "")) ? null : "call.question.validation.number";
  if (question.kind === "choice") return question.options.includes(value) ? null : "call.question.validation.choice";
  return null;
}

/** A number as written with full-width digits or thousands separators, stored plainly. */
export function normaliseAnswer(question: CallQuestionView, value: string): string {
  const trimmed = value.trim();
  return question.kind === "number" ? trimmed.normalize("NFKC").replace(/,/g, "") : trimmed;
}
