import type { PrismaClient } from "../../app/generated/prisma/client";
import { hashPassword } from "../../app/modules/account/password.server";
import { fiscalYearOf, fromTokyo, tokyoParts } from "../../app/utils/dates";
import { attachCurriculum } from "../../app/modules/material/release.server";
import { createDefaultStages } from "../../app/modules/stage/stage.server";
import { seedDemoPath } from "./demo-path";
import { seedDemoSessions } from "./demo-sessions";
import { seedDemoCalls } from "./demo-calls";
import { seedDemoCases } from "./demo-cases";
import { seedDemoConsultations } from "./demo-consultations";

// Demo data for development and the end-to-end tests: FY2025 academies from the sources
// (播磨圏域, 千代田区, 芦北町) and a running academy of the current fiscal year whose sessions
// sit around today, so every dashboard has something to show. Development only.

export const DEMO_PASSWORDS = {
  coordinator: "demo-pass-coordinator",
  facilitator: "demo-pass-facilitator",
  participant: "demo-pass-participant",
} as const;

interface DemoUser {
  email: string;
  displayName: string;
  kana: string;
  role: keyof typeof DEMO_PASSWORDS;
  municipalityCode?: string;
  department?: string;
}

const USERS: DemoUser[] = [
  { email: "coordinator@example.jp", displayName: "山田 花子", kana: "やまだ はなこ", role: "coordinator", department: "データアカデミー事務局" },
  { email: "facilitator@example.jp", displayName: "佐藤 健一", kana: "さとう けんいち", role: "facilitator", department: "講師（データ利活用アドバイザー）" },
  { email: "facilitator2@example.jp", displayName: "中村 美咲", kana: "なかむら みさき", role: "facilitator", department: "講師（EBPM推進）" },
  { email: "expert@example.jp", displayName: "森田 法子", kana: "もりた のりこ", role: "facilitator", department: "弁護士（個人情報保護）" },
  { email: "expert2@example.jp", displayName: "岡本 統", kana: "おかもと おさむ", role: "facilitator", department: "データ分析アドバイザー" },
  { email: "participant@example.jp", displayName: "髙橋 誠", kana: "たかはし まこと", role: "participant", municipalityCode: "282014", department: "健康福祉局 保健所 健康課" },
  { email: "himeji.data@example.jp", displayName: "小林 由美", kana: "こばやし ゆみ", role: "participant", municipalityCode: "282014", department: "総務局 情報政策室" },
  { email: "himeji.kokuho@example.jp", displayName: "伊藤 大輔", kana: "いとう だいすけ", role: "participant", municipalityCode: "282014", department: "市民局 国民健康保険課" },
  { email: "kakogawa.bousai@example.jp", displayName: "渡辺 翔太", kana: "わたなべ しょうた", role: "participant", municipalityCode: "282103", department: "防災部 危機管理課" },
  { email: "takasago.toukei@example.jp", displayName: "山本 彩", kana: "やまもと あや", role: "participant", municipalityCode: "282162", department: "企画総務部 統計担当" },
  { email: "kakogawa.kotsu@example.jp", displayName: "松本 拓也", kana: "まつもと たくや", role: "participant", municipalityCode: "282103", department: "建設部 交通政策課" },
  { email: "participant2@example.jp", displayName: "井上 真理", kana: "いのうえ まり", role: "participant", municipalityCode: "131016", department: "政策経営部 行革推進課" },
  { email: "chiyoda.jinji@example.jp", displayName: "木村 修", kana: "きむら おさむ", role: "participant", municipalityCode: "131016", department: "政策経営部 人事課" },
  { email: "chiyoda.shisetsu@example.jp", displayName: "林 明日香", kana: "はやし あすか", role: "participant", municipalityCode: "131016", department: "地域振興部 施設経営課" },
  { email: "chiyoda.zaisan@example.jp", displayName: "清水 浩二", kana: "しみず こうじ", role: "participant", municipalityCode: "131016", department: "政策経営部 財政課" },
  { email: "ashikita.kikaku@example.jp", displayName: "﨑田 陽菜", kana: "さきた ひな", role: "participant", municipalityCode: "434825", department: "企画財政課" },
  { email: "ashikita.kyouiku@example.jp", displayName: "森 和也", kana: "もり かずや", role: "participant", municipalityCode: "434825", department: "教育課" },
  { email: "ashikita.soumu@example.jp", displayName: "池田 恵", kana: "いけだ めぐみ", role: "participant", municipalityCode: "434825", department: "総務課 防災係" },
];

const SESSION_TITLES = [
  "課題の設定・整理",
  "データの収集・加工",
  "分析・可視化",
  "施策提案・発表・振り返り",
];

const AGENDAS = [
  "前回の振り返りはなし（初回）。アカデミーの進め方、EBPMとロジックモデル、課題の設定とロジックツリー、仮説の立て方。宿題：課題設定シート。",
  "前回の振り返り。必要なデータの洗い出し、データ活用検討ワークシート（保有部署・個人情報・利用目的）、データの加工。宿題：データの収集と整形。",
  "前回の振り返り。基本的な集計と可視化、仮説に照らした分析結果の評価、事実を文章にする。宿題：分析結果のまとめ。",
  "前回の振り返り。施策案の発表と講評、効果測定の指標、KPTによる振り返りと今後のアクション。",
];

interface Venue {
  name: string;
  address: string;
  capacity: number;
}

async function createAcademy(
  prisma: PrismaClient,
  input: {
    regionId: string;
    fiscalYear: number;
    name: string;
    status: string;
    sessionStarts: Date[];
    venue: Venue;
    facilitatorIds: string[];
    coordinatorId: string;
    preLearningStartsAt?: Date;
  },
) {
  const staff = await prisma.user.findMany({
    where: { id: { in: [input.coordinatorId, ...input.facilitatorIds] } },
    select: { id: true, municipalityCode: true, department: true },
  });
  const snapshot = (userId: string) => {
    const u = staff.find((p) => p.id === userId)!;
    return { userId, municipalityCode: u.municipalityCode, department: u.department, status: "active" };
  };
  const academy = await prisma.academy.create({
    data: {
      regionId: input.regionId,
      fiscalYear: input.fiscalYear,
      name: input.name,
      status: input.status,
      preLearningStartsAt: input.preLearningStartsAt ?? null,
      enrollments: {
        create: [
          { ...snapshot(input.coordinatorId), role: "coordinator" },
          ...input.facilitatorIds.map((userId) => ({ ...snapshot(userId), role: "facilitator" })),
        ],
      },
      sessions: {
        create: input.sessionStarts.map((startsAt, i) => ({
          sequence: i + 1,
          title: SESSION_TITLES[i] ?? "",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3.5 * 60 * 60 * 1000),
          venueName: input.venue.name,
          venueAddress: input.venue.address,
          venueCapacity: input.venue.capacity,
          agenda: AGENDAS[i] ?? "",
          facilitators: { create: input.facilitatorIds.map((userId) => ({ userId })) },
        })),
      },
    },
    select: { id: true },
  });
  await createDefaultStages(prisma, academy.id);
  return academy;
}

async function createTeam(
  prisma: PrismaClient,
  academyId: string,
  team: {
    name: string;
    themeTitle: string;
    problemStatement: string;
    municipalityCodes: string[];
    members: { userId: string; teamRole: string; department: string; municipalityCode: string | null }[];
  },
) {
  const created = await prisma.team.create({
    data: {
      academyId,
      name: team.name,
      themeTitle: team.themeTitle,
      problemStatement: team.problemStatement,
      leadId: team.members[0]?.userId ?? null,
      municipalities: { create: team.municipalityCodes.map((municipalityCode) => ({ municipalityCode })) },
    },
  });
  for (const m of team.members) {
    const enrollment = await prisma.enrollment.upsert({
      where: { academyId_userId: { academyId, userId: m.userId } },
      create: { academyId, userId: m.userId, role: "participant", status: "active", municipalityCode: m.municipalityCode, department: m.department },
      update: {},
      select: { id: true },
    });
    await prisma.teamMember.create({ data: { teamId: created.id, enrollmentId: enrollment.id, teamRole: m.teamRole } });
  }
  return created;
}

/** 13:30 Tokyo on the given date, moved forward to a weekday. */
function weekdayAfternoon(base: Date, dayOffset: number): Date {
  const p = tokyoParts(new Date(base.getTime() + dayOffset * 86400000));
  let d = fromTokyo(p.year, p.month, p.day, 13, 30);
  while ([0, 6].includes(tokyoParts(d).weekday)) d = new Date(d.getTime() + 86400000);
  return d;
}

export async function seedDemo(prisma: PrismaClient, now = new Date()) {
  const programmeCoordinator = await prisma.role.findUniqueOrThrow({ where: { name: "programme_coordinator" }, select: { id: true } });
  const hashes = {
    coordinator: await hashPassword(DEMO_PASSWORDS.coordinator),
    facilitator: await hashPassword(DEMO_PASSWORDS.facilitator),
    participant: await hashPassword(DEMO_PASSWORDS.participant),
  };
  const ids: Record<string, string> = {};
  for (const u of USERS) {
    const user = await prisma.user.create({
      data: {
        email: u.email,
        displayName: u.displayName,
        kana: u.kana,
        municipalityCode: u.municipalityCode ?? null,
        department: u.department ?? "",
        password: { create: { hash: hashes[u.role] } },
        // The only global role; everyone else's part is per academy (enrollments below).
        roles: u.role === "coordinator" ? { create: { roleId: programmeCoordinator.id } } : undefined,
      },
    });
    ids[u.email] = user.id;
  }
  const id = (email: string) => ids[email]!;
  const member = (email: string, teamRole: string) => {
    const u = USERS.find((x) => x.email === email)!;
    return { userId: id(email), teamRole, department: u.department ?? "", municipalityCode: u.municipalityCode ?? null };
  };
  const coordinatorId = id("coordinator@example.jp");

  const harima = await prisma.region.create({
    data: {
      name: "播磨圏域",
      kana: "はりまけんいき",
      description: "播磨圏域連携中枢都市圏の市町による広域の取組",
      members: { create: ["282014", "282103", "282162"].map((municipalityCode) => ({ municipalityCode })) },
    },
  });
  const chiyoda = await prisma.region.create({
    data: { name: "千代田区", kana: "ちよだく", members: { create: [{ municipalityCode: "131016" }] } },
  });
  const ashikita = await prisma.region.create({
    data: { name: "芦北町", kana: "あしきたまち", members: { create: [{ municipalityCode: "434825" }] } },
  });
  const fukuoka = await prisma.region.create({
    data: {
      name: "福岡市圏域",
      kana: "ふくおかしけんいき",
      members: { create: ["401307", "402303", "402192"].map((municipalityCode) => ({ municipalityCode })) },
    },
  });

  // FY2025 (令和7年度): finished academies.
  const harima2025 = await createAcademy(prisma, {
    regionId: harima.id,
    fiscalYear: 2025,
    name: "播磨圏域データアカデミー 2025",
    status: "finished",
    sessionStarts: [[9, 4], [9, 18], [10, 2], [10, 16]].map(([m, d]) => fromTokyo(2025, m!, d!, 13, 30)),
    venue: { name: "姫路市役所 本庁舎 北別館 会議室", address: "兵庫県姫路市安田四丁目1番地", capacity: 40 },
    facilitatorIds: [id("facilitator@example.jp")],
    coordinatorId,
  });
  const himeji2025 = await createTeam(prisma, harima2025.id, {
    name: "姫路市 健康づくりチーム",
    themeTitle: "健康無関心層へのアプローチ",
    problemStatement: "健康診断受診のハードルが高く、働き盛り世代の受診率が伸びない。",
    municipalityCodes: ["282014"],
    members: [
      member("participant@example.jp", "problem_owner"),
      member("himeji.kokuho@example.jp", "data_holder"),
      member("himeji.data@example.jp", "other"),
    ],
  });
  await createTeam(prisma, harima2025.id, {
    name: "加古川市・高砂市 合同チーム",
    themeTitle: "広域での帰宅困難者支援",
    problemStatement: "大規模災害時に駅周辺へ滞留する帰宅困難者の数と場所が、市の境界を越えて把握できていない。",
    municipalityCodes: ["282103", "282162"],
    members: [
      member("kakogawa.bousai@example.jp", "problem_owner"),
      member("takasago.toukei@example.jp", "data_holder"),
      member("kakogawa.kotsu@example.jp", "data_holder"),
    ],
  });

  const chiyoda2025 = await createAcademy(prisma, {
    regionId: chiyoda.id,
    fiscalYear: 2025,
    name: "千代田区データアカデミー",
    status: "finished",
    sessionStarts: [[10, 7], [10, 21], [11, 4], [11, 18]].map(([m, d]) => fromTokyo(2025, m!, d!, 14, 0)),
    venue: { name: "千代田区役所 4階 会議室", address: "東京都千代田区九段南1-2-1", capacity: 30 },
    facilitatorIds: [id("facilitator2@example.jp")],
    coordinatorId,
  });
  await createTeam(prisma, chiyoda2025.id, {
    name: "働き方改革チーム",
    themeTitle: "働き方改革のためのデータ活用",
    problemStatement: "部署ごとの超過勤務の偏りの原因が分からず、業務改善の打ち手を決められない。",
    municipalityCodes: ["131016"],
    members: [member("participant2@example.jp", "problem_owner"), member("chiyoda.jinji@example.jp", "data_holder")],
  });
  await createTeam(prisma, chiyoda2025.id, {
    name: "公共施設マネジメントチーム",
    themeTitle: "データを利活用した公共施設マネジメント",
    problemStatement: "施設の利用状況と維持管理費を合わせて見られず、再編の優先順位を説明できない。",
    municipalityCodes: ["131016"],
    members: [member("chiyoda.shisetsu@example.jp", "problem_owner"), member("chiyoda.zaisan@example.jp", "data_holder")],
  });

  const ashikita2025 = await createAcademy(prisma, {
    regionId: ashikita.id,
    fiscalYear: 2025,
    name: "芦北町データアカデミー",
    status: "finished",
    preLearningStartsAt: fromTokyo(2025, 8, 19, 9, 0),
    sessionStarts: [[9, 4], [9, 17], [10, 1], [10, 15]].map(([m, d]) => fromTokyo(2025, m!, d!, 13, 30)),
    venue: { name: "芦北町役場 大会議室", address: "熊本県葦北郡芦北町大字芦北2015", capacity: 24 },
    facilitatorIds: [id("facilitator@example.jp")],
    coordinatorId,
  });
  await createTeam(prisma, ashikita2025.id, {
    name: "子どもの安全チーム",
    themeTitle: "小学生の地域バランスが悪い、防犯に効果がある対策",
    problemStatement: "小学生の住む地域に偏りがあり、見守りや防犯灯の配置が実態に合っていない。",
    municipalityCodes: ["434825"],
    members: [
      member("ashikita.kyouiku@example.jp", "problem_owner"),
      member("ashikita.kikaku@example.jp", "data_holder"),
      member("ashikita.soumu@example.jp", "other"),
    ],
  });

  // The current fiscal year: a running academy with sessions around today, and one recruiting.
  const currentFy = Math.max(2026, fiscalYearOf(now));
  const harimaNow = await createAcademy(prisma, {
    regionId: harima.id,
    fiscalYear: currentFy,
    name: `播磨圏域データアカデミー ${currentFy}`,
    status: "running",
    preLearningStartsAt: weekdayAfternoon(now, -24),
    sessionStarts: [-10, 4, 18, 32].map((offset) => weekdayAfternoon(now, offset)),
    venue: { name: "加古川市役所 新館 会議室", address: "兵庫県加古川市加古川町北在家2000", capacity: 40 },
    // 小林 由美 took part in 2025 and now helps run the academy as a local facilitator
    // (地域の講師): a participant in one academy, a facilitator in another.
    facilitatorIds: [id("facilitator@example.jp"), id("himeji.data@example.jp")],
    coordinatorId,
  });
  // She is in training: she observed session 1 and co-facilitates from session 2 on.
  const yumi = id("himeji.data@example.jp");
  await prisma.enrollment.update({ where: { academyId_userId: { academyId: harimaNow.id, userId: yumi } }, data: { trainingLevel: "co_facilitator", trainingLevelAt: weekdayAfternoon(now, -9) } });
  for (const s of await prisma.workshopSession.findMany({ where: { academyId: harimaNow.id }, select: { id: true, sequence: true } })) {
    await prisma.sessionFacilitator.update({ where: { sessionId_userId: { sessionId: s.id, userId: yumi } }, data: { role: s.sequence === 1 ? "observer" : "co_facilitator" } });
  }
  await createTeam(prisma, harimaNow.id, {
    name: "姫路市 受診率向上チーム",
    themeTitle: "健康診断受診のハードルが高い",
    problemStatement: "特定健診の未受診者の特徴を、国保・健診データから明らかにし、受診勧奨の対象と方法を見直したい。",
    municipalityCodes: ["282014"],
    members: [member("participant@example.jp", "problem_owner"), member("himeji.kokuho@example.jp", "data_holder")],
  });
  const kakogawaNow = await createTeam(prisma, harimaNow.id, {
    name: "加古川市・高砂市 防災データチーム",
    themeTitle: "広域での帰宅困難者支援",
    problemStatement: "駅の乗降客数と避難所の収容力を重ね、市境を越えた一時滞在施設の配置を検討する。",
    municipalityCodes: ["282103", "282162"],
    members: [member("kakogawa.bousai@example.jp", "problem_owner"), member("takasago.toukei@example.jp", "data_holder")],
  });
  await createAcademy(prisma, {
    regionId: fukuoka.id,
    fiscalYear: currentFy,
    name: "福岡市圏域データアカデミー",
    status: "recruiting",
    sessionStarts: [60, 74, 88, 102].map((offset) => weekdayAfternoon(now, offset)),
    venue: { name: "福岡市役所 15階 会議室", address: "福岡県福岡市中央区天神1-8-1", capacity: 36 },
    facilitatorIds: [id("facilitator2@example.jp")],
    coordinatorId,
  });
  for (const academy of await prisma.academy.findMany({ select: { id: true } })) {
    await attachCurriculum(coordinatorId, academy.id);
  }
  await seedDemoPath(prisma, { finishedTeamId: himeji2025.id, currentTeamId: kakogawaNow.id, facilitatorId: id("facilitator@example.jp") });
  await seedDemoSessions(prisma, {
    pastAcademyId: harima2025.id,
    currentAcademyId: harimaNow.id,
    pastTeamId: himeji2025.id,
    currentTeamId: kakogawaNow.id,
    facilitatorId: id("facilitator@example.jp"),
    coordinatorId,
  });
  await seedDemoCalls(prisma, { coordinatorId, reviewerId: id("facilitator2@example.jp"), applicantId: id("ashikita.kikaku@example.jp"), fiscalYear: fiscalYearOf(now) });
  await seedDemoCases(prisma);
  await seedDemoConsultations(prisma, {
    coordinatorId,
    lawyerId: id("expert@example.jp"),
    analystId: id("expert2@example.jp"),
    advancedId: id("facilitator2@example.jp"),
    requesterIds: { ashikita: id("ashikita.kikaku@example.jp"), chiyoda: id("participant2@example.jp"), kakogawa: id("kakogawa.bousai@example.jp") },
    fiscalYear: fiscalYearOf(now),
  });
  return { users: USERS.length };
}
