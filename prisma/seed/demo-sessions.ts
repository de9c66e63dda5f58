import type { PrismaClient } from "../../app/generated/prisma/client";
import { promptsFor } from "../../app/modules/retro/rules";
import { SKILL_ITEMS } from "../../app/modules/survey/items";

// Running the sessions in the demo (issue 11). The 2025 播磨 academy is over: attendance for
// every session (two people miss too much to complete), both skills surveys and each session's
// satisfaction survey, a closed KPT board of the 姫路市 team with its actions, and what became
// of its proposal 3 and 6 months later. In the current academy session 1 has been held:
// attendance, the pre-course survey, and a closed board of the 加古川市・高砂市 team whose open
// action waits on its workspace for the next retrospective. Certificates for those who completed.

const DAY = 86400_000;

/** A fixed pattern so the demo looks the same on every machine. */
const ABSENCES: Record<number, string[]> = { 1: ["absent", "absent"], 3: ["late"], 5: ["excused", "absent"] };

export async function seedDemoSessions(
  prisma: PrismaClient,
  ids: { pastAcademyId: string; currentAcademyId: string; pastTeamId: string; currentTeamId: string; facilitatorId: string; coordinatorId: string },
) {
  const now = new Date();
  const past = await participantsAndSessions(prisma, ids.pastAcademyId);
  const current = await participantsAndSessions(prisma, ids.currentAcademyId);

  // attendance: everyone in the finished academy, session 1 of the current one
  for (const [i, person] of past.people.entries()) {
    const misses = ABSENCES[i] ?? [];
    for (const [j, session] of past.sessions.entries()) {
      const status = misses[j] ?? "present";
      await prisma.attendance.create({ data: { sessionId: session.id, enrollmentId: person.enrollmentId, status, recordedById: ids.facilitatorId } });
    }
  }
  const held = current.sessions.filter((s) => s.endsAt < now);
  for (const [i, person] of current.people.entries()) {
    for (const session of held) {
      await prisma.attendance.create({ data: { sessionId: session.id, enrollmentId: person.enrollmentId, status: i % 7 === 3 ? "late" : "present", recordedById: ids.facilitatorId } });
    }
  }

  // pre-learning done by everyone in the finished academy (completion needs it)
  const preLearning = await prisma.academyMaterial.findMany({ where: { academyId: ids.pastAcademyId, material: { stageKey: "prelearning", audience: "participant" } }, select: { materialId: true } });
  for (const person of past.people) {
    for (const m of preLearning) await prisma.preLearningCompletion.create({ data: { userId: person.userId, academyId: ids.pastAcademyId, materialId: m.materialId } });
  }

  // in the current academy everyone has done the released pre-learning but one member of the
  // 加古川市・高砂市 team: that team's pre-learning shows overdue until they do (the same on the
  // team's path, the completion list and the progress board)
  const released = await prisma.academyMaterial.findMany({ where: { academyId: ids.currentAcademyId, releaseAt: { lte: now }, material: { stageKey: "prelearning", audience: "participant" } }, select: { materialId: true } });
  const behind = current.people.filter((p) => p.teamId === ids.currentTeamId).at(-1);
  for (const person of current.people) {
    if (person === behind) continue;
    for (const m of released) await prisma.preLearningCompletion.create({ data: { userId: person.userId, academyId: ids.currentAcademyId, materialId: m.materialId } });
  }

  // surveys
  const comments = ["ロジックツリーで課題を分解する演習が分かりやすかった。", "自分の課のデータで分析できたのが良かった。", "演習時間がもう少し欲しい。", ""];
  for (const [i, person] of past.people.entries()) {
    // each item its own starting point and its own gain (personal information gains most)
    const pre = Object.fromEntries(SKILL_ITEMS.map((item, k) => [item, Math.min(4, 1 + ((i + 2 * k) % 3) + (k % 4 === 0 ? 1 : 0))]));
    const post = Object.fromEntries(SKILL_ITEMS.map((item, k) => [item, Math.min(5, pre[item]! + 1 + ((i * k) % 2) + (k === 6 ? 1 : 0))]));
    await prisma.surveyResponse.create({ data: { academyId: ids.pastAcademyId, userId: person.userId, kind: "skills_pre", surveyKey: "skills_pre", answers: JSON.stringify(pre), createdAt: new Date(past.sessions[0]!.startsAt.getTime() - 3 * DAY) } });
    await prisma.surveyResponse.create({ data: { academyId: ids.pastAcademyId, userId: person.userId, kind: "skills_post", surveyKey: "skills_post", answers: JSON.stringify(post), comment: comments[i % comments.length]!, createdAt: past.sessions.at(-1)!.endsAt } });
    for (const [j, session] of past.sessions.entries()) {
      if ((i + j) % 5 === 4) continue; // not everyone answers every time
      const answers = { overall: 3 + ((i + j) % 3), usefulness: 3 + ((i + 2 * j) % 3) };
      await prisma.surveyResponse.create({
        data: { academyId: ids.pastAcademyId, userId: person.userId, kind: "satisfaction", sessionId: session.id, surveyKey: `satisfaction:${session.id}`, answers: JSON.stringify(answers), comment: j === 1 ? comments[(i + 1) % comments.length]! : "", createdAt: session.endsAt },
      });
    }
  }
  for (const [i, person] of current.people.entries()) {
    if (i % 3 === 2) continue;
    const pre = Object.fromEntries(SKILL_ITEMS.map((item, k) => [item, 1 + ((i + k) % 3)]));
    await prisma.surveyResponse.create({ data: { academyId: ids.currentAcademyId, userId: person.userId, kind: "skills_pre", surveyKey: "skills_pre", answers: JSON.stringify(pre), createdAt: new Date(now.getTime() - 12 * DAY) } });
  }

  // boards
  await closedBoard(prisma, {
    academyId: ids.pastAcademyId,
    sessionId: past.sessions.at(-1)!.id,
    teamId: ids.pastTeamId,
    createdById: ids.facilitatorId,
    people: past.people.filter((p) => p.teamId === ids.pastTeamId).map((p) => p.userId),
    cards: [
      ["keep", "庁内の健診データを自分たちで集計できた"],
      ["keep", "地区別に見ると違いがはっきりした"],
      ["problem", "データの取り出しに時間がかかった"],
      ["problem", "個人情報の扱いの確認が後回しになった"],
      ["try", "出張健診の効果を来年度の法定報告で確かめる"],
      ["try", "個人情報保護の担当に早めに相談する"],
    ],
    groups: [["分析の手応え", [0, 1], 4, "集計の手順を課内で共有する。"], ["データ準備の遅れ", [2, 3], 5, "抽出の依頼は1か月前に。"], ["次の一手", [4, 5], 3, ""]],
    actions: [
      { text: "集計手順を課内の共有フォルダに残す", status: "done" },
      { text: "出張健診の受診者数を毎月記録する", status: "open", dueAt: new Date(now.getTime() + 20 * DAY) },
    ],
    closedAt: past.sessions.at(-1)!.endsAt,
  });
  if (held[0]) {
    await closedBoard(prisma, {
      academyId: ids.currentAcademyId,
      sessionId: held[0].id,
      teamId: ids.currentTeamId,
      createdById: ids.facilitatorId,
      people: current.people.filter((p) => p.teamId === ids.currentTeamId).map((p) => p.userId),
      cards: [
        ["keep", "両市の担当が同じ地図を見て話せた"],
        ["problem", "駅の乗降客数の出典がそろっていない"],
        ["try", "一時滞在施設の収容人数を両市で同じ基準にそろえる"],
      ],
      groups: [["共通の地図", [0], 2, ""], ["データの出典", [1, 2], 4, "次回までに出典を一覧にする。"]],
      actions: [{ text: "駅の乗降客数と施設の収容人数の出典を一覧にする", status: "open", dueAt: held[0].endsAt.getTime() + 12 * DAY }],
      closedAt: held[0].endsAt,
    });
  }

  // outcome follow-up of the finished academy's proposal
  await prisma.proposalOutcome.create({ data: { teamId: ids.pastTeamId, monthsAfter: 3, status: "budgeted", note: "出張健診（年2回）の経費が次年度予算の要求に入った。", recordedById: ids.coordinatorId } });
  await prisma.proposalOutcome.create({ data: { teamId: ids.pastTeamId, monthsAfter: 6, status: "adopted_policy", note: "データヘルス計画の中間見直しに、山間部での出張健診が盛り込まれた。", recordedById: ids.coordinatorId } });

  // completion certificates (修了証) of the finished academy: everyone who attended three sessions
  // or more (late counts; everyone did the pre-learning), a week after the last session
  const academy = await prisma.academy.update({ where: { id: ids.pastAcademyId }, data: { certificateIssuer: "播磨圏域データアカデミー実行委員会" }, select: { fiscalYear: true } });
  const completed = past.people.filter((_, i) => past.sessions.length - (ABSENCES[i] ?? []).filter((s) => s === "absent" || s === "excused").length >= 3);
  for (const [n, person] of completed.entries()) {
    await prisma.certificate.create({
      data: { academyId: ids.pastAcademyId, enrollmentId: person.enrollmentId, fiscalYear: academy.fiscalYear, serial: n + 1, issuedAt: new Date(past.sessions.at(-1)!.endsAt.getTime() + 7 * DAY), issuedById: ids.coordinatorId },
    });
  }
}

async function participantsAndSessions(prisma: PrismaClient, academyId: string) {
  const [people, sessions] = await Promise.all([
    prisma.enrollment.findMany({
      where: { academyId, role: "participant" },
      orderBy: { createdAt: "asc" },
      select: { id: true, userId: true, teamMemberships: { select: { teamId: true }, take: 1 } },
    }),
    prisma.workshopSession.findMany({ where: { academyId }, orderBy: { sequence: "asc" }, select: { id: true, startsAt: true, endsAt: true } }),
  ]);
  return { people: people.map((p) => ({ enrollmentId: p.id, userId: p.userId, teamId: p.teamMemberships[0]?.teamId ?? null })), sessions };
}

/** The schema's defaults for a board (voteBudget 3, maxVotesPerGroup 2): the seed keeps to them. */
const DEFAULT_VOTE_BUDGET = 3;

async function closedBoard(
  prisma: PrismaClient,
  b: {
    academyId: string;
    sessionId: string;
    teamId: string;
    createdById: string;
    people: string[];
    cards: [string, string][];
    groups: [string, number[], number, string][];
    actions: { text: string; status: string; dueAt?: Date | number }[];
    closedAt: Date;
  },
) {
  const retro = await prisma.retrospective.create({
    data: { academyId: b.academyId, sessionId: b.sessionId, teamId: b.teamId, template: "kpt", prompts: JSON.stringify(promptsFor("kpt")), phase: "closed", createdById: b.createdById, closedAt: b.closedAt, createdAt: new Date(b.closedAt.getTime() - 3600_000) },
  });
  const cards = [];
  for (const [i, [prompt, text]] of b.cards.entries()) {
    cards.push(await prisma.retroCard.create({ data: { retroId: retro.id, prompt, text, authorId: b.people[i % Math.max(1, b.people.length)] ?? b.createdById } }));
  }
  const spent = new Map<string, number>();
  for (const [position, [title, cardIndexes, votes, notes]] of b.groups.entries()) {
    const group = await prisma.retroGroup.create({ data: { retroId: retro.id, title, position, notes } });
    for (const i of cardIndexes) await prisma.retroCard.update({ where: { id: cards[i]!.id }, data: { groupId: group.id } });
    // each person within the board's budget (3) and at most 2 on one group, as the board allows
    const voters = b.people.length > 0 ? b.people : [b.createdById];
    let given = 0;
    for (const userId of voters.flatMap((p) => [p, p])) {
      if (given === votes) break;
      if ((spent.get(userId) ?? 0) >= DEFAULT_VOTE_BUDGET) continue;
      await prisma.retroVote.create({ data: { retroId: retro.id, groupId: group.id, userId } });
      spent.set(userId, (spent.get(userId) ?? 0) + 1);
      given++;
    }
  }
  for (const a of b.actions) {
    await prisma.retroAction.create({
      data: { retroId: retro.id, teamId: b.teamId, text: a.text, status: a.status, ownerId: b.people[0] ?? null, dueAt: a.dueAt === undefined ? null : new Date(a.dueAt) },
    });
  }
}
