import { prisma, type Prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fail, type FieldErrors, type Result } from "~/utils/result";
import { answerField, answerProblem, MAX_QUESTIONS, normaliseAnswer, type CallQuestionView, type QuestionInput } from "./questions";

// The call's own questions: the coordinator adds and removes them; applicants answer them in the
// draft, and submitting needs every required one (a file question: a file attached to it).

const questionSelect = { id: true, kind: true, label: true, help: true, required: true, options: true } as const;

function view(row: { id: string; kind: string; label: string; help: string; required: boolean; options: string }): CallQuestionView {
  let options: string[] = [];
  try {
    const parsed = JSON.parse(row.options) as unknown;
    if (Array.isArray(parsed)) options = parsed.filter((o): o is string => typeof o === "string");
  } catch {
    options = [];
  }
  return { ...row, options };
}

export async function callQuestions(callId: string, db: Prisma.TransactionClient | typeof prisma = prisma): Promise<CallQuestionView[]> {
  return (await db.callQuestion.findMany({ where: { callId }, orderBy: { position: "asc" }, select: questionSelect })).map(view);
}

export async function addQuestion(actorId: string, callId: string, input: QuestionInput): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const count = await tx.callQuestion.count({ where: { callId } });
    if (count >= MAX_QUESTIONS) return fail("call.question.error.tooMany");
    const last = await tx.callQuestion.findFirst({ where: { callId }, orderBy: { position: "desc" }, select: { position: true } });
    const q = await tx.callQuestion.create({
      data: { callId, position: (last?.position ?? -1) + 1, kind: input.kind, label: input.label, help: input.help, required: input.required, options: JSON.stringify(input.options) },
      select: { id: true },
    });
    await recordAudit({ actorId, action: "call.question.add", entityType: "call", entityId: callId, after: { questionId: q.id, ...input } }, tx);
    return { ok: true };
  });
}

/** A question can go while nobody has submitted an answer to it; drafts lose theirs. */
export async function removeQuestion(actorId: string, callId: string, questionId: string): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    const q = await tx.callQuestion.findFirst({ where: { id: questionId, callId }, select: { id: true, label: true } });
    if (!q) return fail("call.question.error.unknown");
    const submitted = await tx.application.count({ where: { callId, status: { in: ["submitted"] } } });
    if (submitted > 0) return fail("call.question.error.answered");
    await tx.applicationFile.updateMany({ where: { questionId }, data: { questionId: null } });
    await tx.callQuestion.delete({ where: { id: q.id } });
    await recordAudit({ actorId, action: "call.question.remove", entityType: "call", entityId: callId, before: { questionId, label: q.label } }, tx);
    return { ok: true };
  });
}

/** The answers in a posted form, checked against the call's questions (files are uploaded on their own). */
export function answersFrom(form: FormData, questions: CallQuestionView[]): { answers: Map<string, string>; fieldErrors: FieldErrors } {
  const answers = new Map<string, string>();
  const fieldErrors: FieldErrors = {};
  for (const q of questions) {
    if (q.kind === "file") continue;
    const raw = form.get(answerField(q.id));
    const value = normaliseAnswer(q, typeof raw === "string" ? raw : "");
    const problem = answerProblem(q, value);
    if (problem) fieldErrors[answerField(q.id)] = problem;
    answers.set(q.id, value);
  }
  return { answers, fieldErrors };
}

/** Required questions left unanswered (for submitting). */
export async function unansweredRequired(tx: Prisma.TransactionClient, applicationId: string, questions: CallQuestionView[], answers: Map<string, string>): Promise<FieldErrors> {
  const missing: FieldErrors = {};
  const required = questions.filter((q) => q.required);
  if (required.length === 0) return missing;
  const files = new Set((await tx.applicationFile.findMany({ where: { applicationId, questionId: { in: required.map((q) => q.id) } }, select: { questionId: true } })).map((f) => f.questionId));
  for (const q of required) {
    if (q.kind === "file" ? !files.has(q.id) : !answers.get(q.id)) missing[answerField(q.id)] = q.kind === "file" ? "call.question.validation.fileRequired" : "validation.required";
  }
  return missing;
}

/** Write a draft's answers (inside the save's transaction). */
export async function writeAnswers(tx: Prisma.TransactionClient, applicationId: string, answers: Map<string, string>) {
  const ids = [...answers.keys()];
  if (ids.length === 0) return;
  await tx.applicationAnswer.deleteMany({ where: { applicationId, questionId: { in: ids } } });
  const rows = [...answers].filter(([, value]) => value !== "").map(([questionId, value]) => ({ applicationId, questionId, value }));
  if (rows.length) await tx.applicationAnswer.createMany({ data: rows });
}
