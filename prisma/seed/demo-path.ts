import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { ensureStoredFile, storeBytes } from "../../app/modules/files/stored-file.server";
import { scanTable } from "../../app/modules/privacy/scan.server";

// The demo teams' work on the path (issue 10): the 2025 姫路市 team walked the whole path on
// the practice dataset (materials/datasets), with one revision; in the current academy the
// 加古川市・高砂市 team has handed in its problem definition and waits for review, so the
// facilitator's queue has something in it. The demo participant's current team starts empty:
// the end-to-end test walks it.

const DAY = 86400_000;
const DATASETS = path.resolve("materials/datasets");

const HIMEJI_WORK: Record<string, object> = {
  problem_definition: {
    problemStatement: "40〜54歳の国保加入者の特定健診受診率が約25%にとどまり、特に保健センターから遠い地区で低い。",
    targetPopulation: "40〜54歳の国民健康保険加入者（演習ではみらい町のデータで確認）",
    currentState: "町全体の受診率はおよそ4割。40〜44歳は2割強で、山間部の地区は同じ年代でも中心部より低い。",
    issueTree: [
      { id: "t1", text: "健診を知らない", level: "1" },
      { id: "t2", text: "知っているが行かない", level: "1" },
      { id: "t3", text: "平日に時間がとれない", level: "2" },
      { id: "t4", text: "行きたいが行けない", level: "1" },
      { id: "t5", text: "会場が遠い", level: "2" },
    ],
    hypotheses: [
      { id: "h1", text: "40〜54歳は平日の日中に受診する時間がとれないのではないか" },
      { id: "h2", text: "保健センターから遠い地区では、会場までの移動が受診を妨げているのではないか" },
    ],
    dataNeeded: [
      { id: "n1", text: "地区別・性別・年齢階級別の受診状況（国民健康保険課）" },
      { id: "n2", text: "地区別の健診会場までの距離とバスの便数（企画課）" },
    ],
  },
  data_collection: { preparation: "抽出データから氏名・住所・電話番号・生年月日・宛名番号を削除し、地区×年齢階級で集計した。対象者5人未満の区分はなし。" },
  analysis: {
    method: "年齢階級別・地区別に、受診者数の合計÷対象者数の合計で受診率を計算し、3年度分で傾向を確認した。",
    findings: [
      { hypothesisId: "h1", hypothesisText: "40〜54歳は平日の日中に受診する時間がとれないのではないか", verdict: "unclear", evidence: "40〜54歳の受診率は2〜3割で年代とともに上がるが、平日に休めないことが理由かは集計表では分からない。" },
      { hypothesisId: "h2", hypothesisText: "保健センターから遠い地区では、会場までの移動が受診を妨げているのではないか", verdict: "supported", evidence: "40〜54歳で比べると、5km以上の地区は約18%、2km未満の地区は約27%。3年度とも同じ傾向。" },
    ],
    otherFindings: "出張健診のある北原地区は、距離の割に受診率が高い。",
  },
  proposal: {
    policy: "山ノ内・川上地区で年2回の出張健診を行い、40〜54歳には休日枠を個別に案内する。未受診者アンケートで受診しない理由を確かめる。",
    kpis: [
      { id: "k1", name: "出張健診の実施回数", baseline: "0回", target: "年2回", measurement: "事業実績" },
      { id: "k2", name: "山ノ内・川上地区の受診率（40〜74歳）", baseline: "約25%", target: "35%", measurement: "法定報告（3年後）" },
    ],
    expectedEffect: "遠い地区の受診率が町平均に近づく。",
    measurement: "毎年度の法定報告と出張健診の受診者数で確認する。",
  },
};

async function storeDataset(prisma: PrismaClient, file: string, uploadedById: string) {
  const bytes = fs.readFileSync(path.join(DATASETS, file));
  const blob = await storeBytes(bytes, "csv", file);
  const stored = await ensureStoredFile(prisma, blob, uploadedById);
  const scan = await scanTable(path.join(DATASETS, file), "csv");
  return { storedFileId: stored.id, scan };
}

export async function seedDemoPath(prisma: PrismaClient, input: { finishedTeamId: string; currentTeamId: string; facilitatorId: string }) {
  const teams = await prisma.team.findMany({
    where: { id: { in: [input.finishedTeamId, input.currentTeamId] } },
    select: { id: true, academyId: true, leadId: true, members: { select: { enrollment: { select: { userId: true } } } }, academy: { select: { sessions: { orderBy: { sequence: "asc" }, select: { startsAt: true } } } } },
  });
  const finished = teams.find((t) => t.id === input.finishedTeamId)!;
  const current = teams.find((t) => t.id === input.currentTeamId)!;
  const author = finished.leadId ?? finished.members[0]!.enrollment.userId;
  await prisma.team.updateMany({ where: { id: { in: [finished.id, current.id] } }, data: { facilitatorId: input.facilitatorId } });

  const aggregate = await storeDataset(prisma, "miraicho-kenshin-chiku-nendai.csv", author);
  const venues = await storeDataset(prisma, "miraicho-chiku-kaijo.csv", author);
  const stages = await prisma.stage.findMany({ where: { academyId: finished.academyId, deliverable: { not: "none" } }, orderBy: { position: "asc" }, select: { id: true, key: true } });
  await prisma.datasetWorksheet.create({
    data: {
      teamId: finished.id,
      name: "特定健診 地区別・年齢階級別 受診状況（演習用：みらい町）",
      department: "国民健康保険課",
      personalInfo: "none",
      processing: "aggregate",
      purpose: "保健事業の評価と受診勧奨の見直し",
      withinPurpose: true,
      consultationStatus: "consulted",
      consultationDate: finished.academy.sessions[1]?.startsAt ?? null,
      consultationNotes: "集計値のみで個人情報を含まないことを確認。",
      retention: "アカデミー終了後1年で削除",
      createdById: author,
    },
  });
  for (const [i, stage] of stages.entries()) {
    const work = JSON.stringify(HIMEJI_WORK[stage.key] ?? {});
    const base = (finished.academy.sessions[i + 1] ?? finished.academy.sessions.at(-1)!).startsAt.getTime() - 2 * DAY;
    const revised = stage.key === "problem_definition";
    const versions = revised ? 2 : 1;
    const file = i === 0 ? null : i === 1 ? aggregate : venues;
    const deliverable = await prisma.deliverable.create({
      data: { teamId: finished.id, stageId: stage.id, status: "accepted", work, latestVersion: versions, submittedAt: new Date(base + (versions - 1) * DAY), decidedAt: new Date(base + versions * DAY) },
    });
    const fileRow = file
      ? await prisma.deliverableFile.create({
          data: { deliverableId: deliverable.id, storedFileId: file.storedFileId, fileName: i === 1 ? "地区別受診状況_集計.csv" : "地区別会場と交通.csv", scanStatus: file.scan.status === "clean" ? "clean" : "needs_confirmation", scan: JSON.stringify(file.scan), uploadedById: author, createdAt: new Date(base - DAY) },
        })
      : null;
    for (let v = 1; v <= versions; v++) {
      const version = await prisma.deliverableVersion.create({
        data: { deliverableId: deliverable.id, number: v, work, note: v === 2 ? "仮説を2つに絞り、必要なデータと保有部署を書き足しました。" : "", submittedById: author, createdAt: new Date(base + (v - 1) * DAY) },
      });
      if (fileRow) await prisma.deliverableVersionFile.create({ data: { versionId: version.id, fileId: fileRow.id } });
      const last = v === versions;
      await prisma.reviewComment.create({
        data: {
          deliverableId: deliverable.id,
          versionNumber: v,
          authorId: input.facilitatorId,
          kind: last ? "accepted" : "revision_requested",
          body: last ? "仮説とデータの対応がはっきりしました。この形で進めましょう。" : "仮説が広すぎます。1つのデータで確かめられる大きさに分けて、必要なデータの保有部署も書いてください。",
          scores: last ? JSON.stringify({ problemClarity: 3, hypotheses: 3 }) : null,
          createdAt: new Date(base + v * DAY - 3600_000),
        },
      });
    }
  }

  // The current academy: the other team's problem definition waits for review.
  const pd = await prisma.stage.findFirstOrThrow({ where: { academyId: current.academyId, key: "problem_definition" }, select: { id: true } });
  const submitter = current.leadId ?? current.members[0]!.enrollment.userId;
  const work = JSON.stringify({
    problemStatement: "大規模災害時、加古川駅・宝殿駅周辺に滞留する帰宅困難者の数と場所が、市境を越えて把握できていない。",
    targetPopulation: "平日日中に両市の駅を利用する通勤・通学者",
    currentState: "一時滞在施設の収容力は市ごとに集計しており、駅の乗降客数と重ねた検討はない。",
    issueTree: [{ id: "t1", text: "滞留者数の見込みがない", level: "1" }],
    hypotheses: [{ id: "h1", text: "駅の乗降客数に比べ、駅から1km以内の一時滞在施設の収容力が足りないのではないか" }],
    dataNeeded: [{ id: "n1", text: "駅別乗降客数（交通政策課）、一時滞在施設の一覧と収容人数（危機管理課）" }],
  });
  const waiting = await prisma.deliverable.create({ data: { teamId: current.id, stageId: pd.id, status: "submitted", work, latestVersion: 1, submittedAt: new Date() } });
  await prisma.deliverableVersion.create({ data: { deliverableId: waiting.id, number: 1, work, note: "第1版です。乗降客数のデータは入手の見込みが立っています。", submittedById: submitter } });
  await prisma.notification.create({
    data: { userId: input.facilitatorId, kind: "submission", messageKey: "submitted", params: JSON.stringify({ team: "加古川市・高砂市 防災データチーム", stage: "", stageKey: "problem_definition", version: "1" }), link: `/academies/${current.academyId}/teams/${current.id}/stages/${pd.id}` },
  });
}
