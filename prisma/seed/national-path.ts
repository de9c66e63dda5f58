import type Database from "better-sqlite3";

// The team's path at national scale (issue 10): deliverables with versions, files, review
// threads and notifications, so the workspace, stage page, review queue and notification list
// are measured on realistic data. Finished academies: every stage accepted, some after a
// revision. Current academies: earlier stages accepted, the latest handed in and waiting for
// review, some sent back.

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const id = (kind: string, n: number) => `n${kind}${n.toString(36).padStart(6, "0")}`;
const DAY = 86400_000;

/** Stage keys that take a deliverable, with the work a team writes there. */
const WORK: Record<string, (theme: string) => object> = {
  problem_definition: (theme) => ({
    problemStatement: `${theme}について、現状と目標の差を明らかにする`,
    targetPopulation: "市内在住の40〜74歳",
    currentState: "受診率は県平均を下回っている",
    issueTree: [{ id: "i1", text: "対象者が知らない", level: "1" }],
    hypotheses: [
      { id: "h1", text: "働き盛り世代は平日の受診が難しい" },
      { id: "h2", text: "会場までの距離が受診を妨げている" },
    ],
    dataNeeded: [{ id: "d1", text: "地区別・年齢階級別の受診状況" }],
  }),
  data_collection: () => ({ preparation: "年齢階級と地区で集計し、個人を特定できない形にした" }),
  analysis: () => ({
    method: "地区別・年齢階級別の受診率を比較",
    findings: [
      { hypothesisId: "h1", hypothesisText: "働き盛り世代は平日の受診が難しい", verdict: "supported", evidence: "40代の受診率が最も低い" },
      { hypothesisId: "h2", hypothesisText: "会場までの距離が受診を妨げている", verdict: "unclear", evidence: "距離と受診率の相関は弱い" },
    ],
    otherFindings: "",
  }),
  proposal: () => ({
    policy: "休日健診の拡充と個別勧奨",
    kpis: [{ id: "k1", name: "特定健診受診率", baseline: "32%", target: "40%", measurement: "法定報告" }],
    expectedEffect: "働き盛り世代の受診増",
    measurement: "年度ごとの法定報告で確認",
  }),
};
export const PATH_STAGE_KEYS = Object.keys(WORK);

export function pathWriter(db: Database.Database, rnd: () => number, now: string) {
  const q = {
    blob: db.prepare(`INSERT OR IGNORE INTO "StoredFile" ("id", "sha256", "size", "mimeType", "extension", "originalName", "storageKey", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    deliverable: db.prepare(`INSERT INTO "Deliverable" ("id", "teamId", "stageId", "status", "work", "latestVersion", "submittedAt", "decidedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    version: db.prepare(`INSERT INTO "DeliverableVersion" ("id", "deliverableId", "number", "work", "note", "late", "submittedById", "createdAt") VALUES (?, ?, ?, ?, '', ?, ?, ?)`),
    file: db.prepare(`INSERT INTO "DeliverableFile" ("id", "deliverableId", "storedFileId", "fileName", "scanStatus", "uploadedById", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`),
    versionFile: db.prepare(`INSERT INTO "DeliverableVersionFile" ("versionId", "fileId") VALUES (?, ?)`),
    comment: db.prepare(`INSERT INTO "ReviewComment" ("id", "deliverableId", "versionNumber", "authorId", "kind", "body", "scores", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    notification: db.prepare(`INSERT INTO "Notification" ("id", "userId", "kind", "messageKey", "params", "link", "readAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    worksheet: db.prepare(`INSERT INTO "DatasetWorksheet" ("id", "teamId", "name", "department", "personalInfo", "processing", "purpose", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
  // Blobs are content-addressed: a few shared ones stand for every team's slides and tables.
  const blobs = [
    { id: "nblob0", ext: "pdf", mime: "application/pdf", name: "課題設定シート.pdf" },
    { id: "nblob1", ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", name: "提案資料.pptx" },
    { id: "nblob2", ext: "csv", mime: "text/csv", name: "地区別受診状況.csv" },
  ];
  blobs.forEach((b, i) => q.blob.run(b.id, String(i).repeat(64), 120_000, b.mime, b.ext, b.name, `${i}${i}/${String(i).repeat(64)}`, now));
  const count = { deliverables: 0, versions: 0, files: 0, comments: 0, notifications: 0, worksheets: 0 };

  return {
    count,
    /**
     * One team's path. `stages` are the academy's deliverable stages in order with the time the
     * work is due; `handedIn` how many of them the team has reached.
     */
    team(input: { teamId: string; teamName: string; academyId: string; theme: string; members: string[]; reviewerId: string; stages: { id: string; key: string; dueMs: number }[]; handedIn: number; finished: boolean }) {
      q.worksheet.run(id("w", count.worksheets++), input.teamId, "特定健診結果（地区別集計）", "国民健康保険課", "none", "aggregate", "受診率の分析", now, now);
      input.stages.slice(0, input.handedIn).forEach((stage, i) => {
        const last = i === input.handedIn - 1;
        const revised = rnd() < 0.3;
        const status = input.finished || !last ? "accepted" : revised ? "revision_requested" : "submitted";
        const versions = revised && status === "accepted" ? 2 : 1;
        const work = JSON.stringify(WORK[stage.key]!(input.theme));
        const deliverableId = id("dl", count.deliverables++);
        const submittedMs = stage.dueMs - DAY;
        const decided = status === "submitted" ? null : iso(submittedMs + 3 * DAY);
        q.deliverable.run(deliverableId, input.teamId, stage.id, status, work, versions, iso(submittedMs), decided, now, now);
        const blob = blobs[i % blobs.length]!;
        const fileId = id("df", count.files++);
        q.file.run(fileId, deliverableId, blob.id, blob.name, blob.ext === "csv" ? "clean" : "not_scanned", input.members[0] ?? null, iso(submittedMs));
        const link = `/academies/${input.academyId}/teams/${input.teamId}/stages/${stage.id}`;
        for (let v = 1; v <= versions; v++) {
          const versionId = id("dv", count.versions++);
          q.version.run(versionId, deliverableId, v, work, rnd() < 0.1 ? 1 : 0, input.members[0] ?? null, iso(submittedMs + (v - 1) * 5 * DAY));
          q.versionFile.run(versionId, fileId);
          const verdict = v < versions || status === "revision_requested" ? "revision_requested" : status === "accepted" ? "accepted" : null;
          if (verdict) {
            q.comment.run(id("dc", count.comments++), deliverableId, v, input.reviewerId, verdict, verdict === "accepted" ? "よくまとまっています" : "仮説と必要なデータの対応を示してください", JSON.stringify({}), iso(submittedMs + (v * 2) * DAY));
            for (const userId of input.members.slice(0, 2)) {
              q.notification.run(id("nt", count.notifications++), userId, "review_result", verdict === "accepted" ? "accepted" : "revisionRequested", JSON.stringify({ team: input.teamName, name: "講師", stage: "", stageKey: stage.key }), link, rnd() < 0.7 ? iso(submittedMs + 4 * DAY) : null, iso(submittedMs + 2 * DAY));
            }
          }
        }
        q.notification.run(id("nt", count.notifications++), input.reviewerId, "submission", "submitted", JSON.stringify({ team: input.teamName, stage: "", stageKey: stage.key, version: String(versions) }), link, status === "submitted" ? null : iso(submittedMs + DAY), iso(submittedMs));
      });
    },
  };
}
