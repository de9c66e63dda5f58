import { prisma } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { fromTokyoInputs, toTokyoDateInput } from "~/utils/dates";
import type { WorksheetInput } from "./schemas";

// The team's data-use worksheets. They are reviewed with the data stage: submitting that stage
// freezes a copy of every worksheet into the version (worksheetSnapshot).

const SELECT = {
  id: true,
  name: true,
  department: true,
  personalInfo: true,
  processing: true,
  purpose: true,
  withinPurpose: true,
  legalBasis: true,
  consultationStatus: true,
  consultationDate: true,
  consultationNotes: true,
  retention: true,
  updatedAt: true,
} as const;

export function listWorksheets(teamId: string) {
  return prisma.datasetWorksheet.findMany({ where: { teamId }, orderBy: { createdAt: "asc" }, take: 100, select: SELECT });
}

export function findWorksheet(teamId: string, worksheetId: string) {
  if (!worksheetId || worksheetId.length > 64) return Promise.resolve(null);
  return prisma.datasetWorksheet.findFirst({ where: { id: worksheetId, teamId }, select: SELECT });
}

function toData(input: WorksheetInput) {
  return {
    name: input.name,
    department: input.department,
    personalInfo: input.personalInfo,
    processing: input.processing,
    purpose: input.purpose,
    withinPurpose: input.withinPurpose === "yes",
    legalBasis: input.legalBasis,
    consultationStatus: input.consultationStatus,
    consultationDate: input.consultationDate ? fromTokyoInputs(input.consultationDate) : null,
    consultationNotes: input.consultationNotes,
    retention: input.retention,
  };
}

export function worksheetDefaults(row?: Awaited<ReturnType<typeof findWorksheet>>): Record<string, string> {
  if (!row) return { name: "", department: "", personalInfo: "none", processing: "aggregate", purpose: "", withinPurpose: "yes", legalBasis: "", consultationStatus: "not_needed", consultationDate: "", consultationNotes: "", retention: "" };
  return {
    ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" ? v : ""])),
    withinPurpose: row.withinPurpose ? "yes" : "no",
    consultationDate: row.consultationDate ? toTokyoDateInput(row.consultationDate) : "",
  };
}

export async function saveWorksheet(actorId: string, teamId: string, worksheetId: string | null, input: WorksheetInput) {
  return prisma.$transaction(async (tx) => {
    const data = toData(input);
    if (worksheetId) {
      const { count } = await tx.datasetWorksheet.updateMany({ where: { id: worksheetId, teamId }, data });
      if (count === 0) return null;
      await recordAudit({ actorId, action: "team.worksheet_update", entityType: "team", entityId: teamId, after: { worksheetId, ...data } }, tx);
      return worksheetId;
    }
    const created = await tx.datasetWorksheet.create({ data: { ...data, teamId, createdById: actorId }, select: { id: true } });
    await recordAudit({ actorId, action: "team.worksheet_create", entityType: "team", entityId: teamId, after: { worksheetId: created.id, ...data } }, tx);
    return created.id;
  });
}

export async function deleteWorksheet(actorId: string, teamId: string, worksheetId: string) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.datasetWorksheet.findFirst({ where: { id: worksheetId, teamId }, select: { name: true } });
    if (!row) return null;
    await tx.datasetWorksheet.delete({ where: { id: worksheetId } });
    await recordAudit({ actorId, action: "team.worksheet_delete", entityType: "team", entityId: teamId, before: { worksheetId, name: row.name } }, tx);
    return row.name;
  });
}

/** The worksheets as frozen into a submitted version of the data stage. */
export async function worksheetSnapshot(teamId: string) {
  const rows = await listWorksheets(teamId);
  return rows.map(({ updatedAt: _updatedAt, consultationDate, ...row }) => ({ ...row, consultationDate: consultationDate ? toTokyoDateInput(consultationDate) : "" }));
}

/** Where worksheet pages lead back to: the team's data stage, or the team page. */
export async function dataStageLink(team: { id: string; academyId: string }) {
  const stage = await prisma.stage.findFirst({ where: { academyId: team.academyId, key: "data_collection" }, select: { id: true } });
  const base = `/academies/${team.academyId}/teams/${team.id}`;
  return stage ? `${base}/stages/${stage.id}` : base;
}
