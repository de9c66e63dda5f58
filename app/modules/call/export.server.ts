import { prisma } from "~/utils/db.server";
import type { TFunction } from "~/utils/i18n";
import type { XlsxCell } from "~/utils/xlsx.server";
import { rankedApplications } from "./selection.server";
import { callQuestions } from "./questions.server";

/**
 * The submitted applications of a call as one table (the same for CSV and XLSX): best score first,
 * as on the ranked list, with the scores this person may see; the fixed fields, then the call's
 * own questions (a file question lists its files' names). Three statements whatever the size.
 */
export async function applicationsTable(t: TFunction, callId: string, user: { id: string }, role: "manager" | "reviewer") {
  const [ranked, questions] = await Promise.all([rankedApplications(callId, user, role), callQuestions(callId)]);
  const details = await prisma.application.findMany({
    where: { id: { in: ranked.map((r) => r.id) } },
    select: {
      id: true,
      contactName: true,
      contactDepartment: true,
      contactPhone: true,
      problem: true,
      dataHeld: true,
      dataDepartment: true,
      staffCount: true,
      consentPublication: true,
      applicant: { select: { email: true } },
      track: { select: { label: true } },
      answers: { select: { questionId: true, value: true } },
      files: { select: { questionId: true, fileName: true } },
    },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const header = [
    t("call.track"),
    t("call.export.governments"),
    t("call.export.prefecture"),
    t("call.contactName"),
    t("call.contactDepartment"),
    t("call.contactPhone"),
    t("call.export.email"),
    t("call.problem"),
    t("call.dataHeld"),
    t("call.dataDepartment"),
    t("call.staffCount"),
    t("call.export.consent"),
    t("call.export.submittedAt"),
    ...questions.map((q) => q.label),
    t("call.export.reviewers"),
    t("call.export.score"),
    t("call.export.decision"),
  ];
  const body: XlsxCell[][] = ranked.map((r) => {
    const d = byId.get(r.id)!;
    const answer = (id: string) => d.answers.find((a) => a.questionId === id)?.value ?? "";
    return [
      d.track.label,
      r.names ?? "",
      r.prefecture ?? "",
      d.contactName,
      d.contactDepartment,
      d.contactPhone,
      d.applicant.email,
      d.problem,
      d.dataHeld,
      d.dataDepartment,
      d.staffCount,
      d.consentPublication ? t("call.export.yes") : t("call.export.no"),
      r.submittedAt,
      ...questions.map((q) => (q.kind === "file" ? d.files.filter((f) => f.questionId === q.id).map((f) => f.fileName).join(", ") : q.kind === "number" && answer(q.id) !== "" ? Number(answer(q.id)) : answer(q.id))),
      r.reviewers,
      r.score === null ? null : Math.round(r.score * 1000) / 10,
      r.decision ? t(`call.decisionValue.${r.decision}`) : "",
    ];
  });
  return { header, body };
}
