import type Database from "better-sqlite3";
import { SKILL_ITEMS } from "../../app/modules/survey/items";

// Running the sessions at national scale (issue 11): attendance for every held session, the
// surveys, one closed retrospective board per team with cards, groups, votes and actions, and
// outcome follow-ups of finished academies — so the session page, attendance, completion,
// boards, surveys and outcomes are measured on realistic data.

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const id = (kind: string, n: number) => `n${kind}${n.toString(36).padStart(6, "0")}`;
const DAY = 86400_000;
const KPT = JSON.stringify([
  { key: "keep", label: "" },
  { key: "problem", label: "" },
  { key: "try", label: "" },
]);
const CARDS: [string, string][] = [
  ["keep", "地区別に集計すると違いが見えた"],
  ["keep", "担当課と早めに話せた"],
  ["problem", "データの抽出に時間がかかった"],
  ["problem", "個人情報の確認が後回しになった"],
  ["try", "出典を一覧にしてから分析する"],
  ["try", "次回までに仮説を一つに絞る"],
];
const OUTCOMES = ["adopted_policy", "budgeted", "launched_service", "in_progress", "not_adopted"];

export function sessionsWriter(db: Database.Database, rnd: () => number, nowIso: string) {
  const nowMs = Date.parse(nowIso);
  const q = {
    attendance: db.prepare(`INSERT INTO "Attendance" ("id", "sessionId", "enrollmentId", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`),
    survey: db.prepare(`INSERT INTO "SurveyResponse" ("id", "academyId", "userId", "kind", "sessionId", "surveyKey", "answers", "comment", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    retro: db.prepare(`INSERT INTO "Retrospective" ("id", "academyId", "sessionId", "teamId", "template", "prompts", "phase", "closedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'kpt', ?, 'closed', ?, ?, ?)`),
    card: db.prepare(`INSERT INTO "RetroCard" ("id", "retroId", "authorId", "prompt", "text", "groupId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`),
    group: db.prepare(`INSERT INTO "RetroGroup" ("id", "retroId", "title", "notes", "position", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`),
    vote: db.prepare(`INSERT INTO "RetroVote" ("id", "retroId", "groupId", "userId", "createdAt") VALUES (?, ?, ?, ?, ?)`),
    action: db.prepare(`INSERT INTO "RetroAction" ("id", "retroId", "teamId", "groupId", "text", "ownerId", "dueAt", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    outcome: db.prepare(`INSERT INTO "ProposalOutcome" ("id", "teamId", "monthsAfter", "status", "note", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`),
  };
  const count = { attendance: 0, surveyResponses: 0, retrospectives: 0, retroCards: 0, retroVotes: 0, retroActions: 0, outcomes: 0 };
  let groups = 0;
  const score = (base: number) => Math.max(1, Math.min(5, base + Math.floor(rnd() * 3) - 1));

  return {
    count,
    team(input: { academyId: string; teamId: string; people: { userId: string; enrollmentId: string }[]; sessions: { id: string; startsMs: number }[]; finished: boolean }) {
      const held = input.sessions.filter((s) => s.startsMs + 4 * 3600_000 < nowMs);
      for (const p of input.people) {
        for (const s of held) {
          const r = rnd();
          const status = r < 0.85 ? "present" : r < 0.9 ? "late" : r < 0.97 ? "absent" : "excused";
          q.attendance.run(id("at", count.attendance++), s.id, p.enrollmentId, status, iso(s.startsMs), iso(s.startsMs));
        }
        const first = input.sessions[0]!;
        if (rnd() < 0.9) {
          const answers = Object.fromEntries(SKILL_ITEMS.map((item) => [item, score(2)]));
          q.survey.run(id("sv", count.surveyResponses++), input.academyId, p.userId, "skills_pre", null, "skills_pre", JSON.stringify(answers), "", iso(first.startsMs - 3 * DAY));
        }
        if (input.finished && rnd() < 0.8) {
          const answers = Object.fromEntries(SKILL_ITEMS.map((item) => [item, score(4)]));
          q.survey.run(id("sv", count.surveyResponses++), input.academyId, p.userId, "skills_post", null, "skills_post", JSON.stringify(answers), rnd() < 0.2 ? "演習が役に立った" : "", iso(input.sessions.at(-1)!.startsMs));
        }
        for (const s of held) {
          if (rnd() < 0.3) continue;
          q.survey.run(id("sv", count.surveyResponses++), input.academyId, p.userId, "satisfaction", s.id, `satisfaction:${s.id}`, JSON.stringify({ overall: score(4), usefulness: score(4) }), rnd() < 0.1 ? "分かりやすかった" : "", iso(s.startsMs + 4 * 3600_000));
        }
      }
      const last = held.at(-1);
      if (last) {
        const retroId = id("rb", count.retrospectives++);
        const at = iso(last.startsMs + 3 * 3600_000);
        q.retro.run(retroId, input.academyId, last.id, input.teamId, KPT, at, at, at);
        const groupIds = [0, 1].map((g) => {
          const groupId = id("rg", groups++);
          q.group.run(groupId, retroId, g === 0 ? "分析の手応え" : "データ準備", g === 1 ? "抽出の依頼は1か月前に" : "", g, at);
          return groupId;
        });
        CARDS.forEach(([prompt, text], i) => {
          q.card.run(id("rc", count.retroCards++), retroId, input.people[i % input.people.length]!.userId, prompt, text, groupIds[i % 2]!, at);
        });
        for (const p of input.people.slice(0, 4)) q.vote.run(id("rv", count.retroVotes++), retroId, groupIds[rnd() < 0.5 ? 0 : 1]!, p.userId, at);
        const owner = input.people[0]!.userId;
        q.action.run(id("ra", count.retroActions++), retroId, input.teamId, groupIds[1]!, "データの出典を一覧にする", owner, iso(last.startsMs + 12 * DAY), input.finished ? "done" : "open", at, at);
        q.action.run(id("ra", count.retroActions++), retroId, input.teamId, groupIds[0]!, "集計手順を課内で共有する", owner, null, input.finished ? "done" : "open", at, at);
      }
      if (input.finished) {
        const end = input.sessions.at(-1)!.startsMs;
        for (const months of [3, 6, 12]) {
          if (end + months * 30 * DAY > nowMs || rnd() < 0.2) continue;
          q.outcome.run(id("oc", count.outcomes++), input.teamId, months, OUTCOMES[Math.floor(rnd() * OUTCOMES.length)]!, "", iso(end + months * 30 * DAY), iso(end + months * 30 * DAY));
        }
      }
    },
  };
}
