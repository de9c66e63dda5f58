import { prisma } from "~/utils/db.server";
import type { AcademyContext } from "~/modules/academy/context.server";
import { listWorksheets } from "~/modules/dataset/dataset.server";
import { rubricFor, takesFiles, takesForm } from "~/modules/stage/stages";
import { workKind } from "./work";
import { stageWorkspace, type StageRef } from "./deliverable.server";
import { readScan } from "./files.server";
import { teamPath, type TeamRef } from "./path.server";
import { StageMaterialList, stageMaterialsJson, toStageMaterial } from "./stage-materials.server";
import { mayComment, mayDecide } from "./review.server";

/** Released materials of a stage (staff also see unreleased ones and facilitator guides); one raw statement. */
export async function stageMaterials(context: AcademyContext, stageId: string, now: Date) {
  const rows = await prisma.$queryRaw<{ materials: string }[]>`SELECT (${stageMaterialsJson(context, stageId, now)}) AS "materials"`;
  return StageMaterialList.parse(rows[0]!.materials).map(toStageMaterial);
}

/** Everything the stage page needs, in a fixed number of statements. */
export async function stagePage(context: AcademyContext, team: TeamRef, stage: StageRef, now: Date) {
  const [path, workspace, materials, worksheets] = await Promise.all([
    teamPath(team, now),
    stageWorkspace(team, stage),
    stageMaterials(context, stage.id, now),
    workKind(stage.key) === "data_collection" ? listWorksheets(team.id) : Promise.resolve([]),
  ]);
  const here = path.stages.find((s) => s.id === stage.id)!;
  const extension = path.extensions.get(stage.id) ?? null;
  const status = workspace.deliverable?.status ?? null;
  const open = status !== "accepted";
  return {
    stage: { ...stage, takesForm: takesForm(stage.deliverable), takesFiles: takesFiles(stage.deliverable), rubric: [...rubricFor(stage.key)] },
    steps: path.stages.map((s) => ({ id: s.id, key: s.key, title: s.title, deliverable: s.deliverable, state: s.state, dueAt: s.deadline.dueAt })),
    currentIndex: path.currentIndex,
    deadline: here.deadline,
    state: here.state,
    extension,
    deliverable: workspace.deliverable,
    files: workspace.files.map((f) => ({ ...f, scan: readScan(f.scan) })),
    versions: workspace.versions,
    comments: workspace.comments,
    hypotheses: workspace.hypotheses,
    materials,
    worksheets,
    can: {
      edit: team.isMember && open,
      submit: team.isMember && open,
      decide: mayDecide(context, team) && status === "submitted",
      comment: mayComment(context, team),
      extend: context.can.review || context.can.manageTeams,
    },
  };
}
