import type Database from "better-sqlite3";
import { PATH_STAGE_KEYS, pathWriter } from "./national-path";
import { sessionsWriter } from "./national-sessions";
import { seededRandom } from "./random";

// National-scale data for the benchmark and the query-budget test: at scale 1, 10 fiscal
// years, 100 regions over 47 prefectures, 400 academies, 1,600 sessions, 4,000 teams, 24,000
// people and 50,000 audit events, with stages, curriculum releases, downloads, pre-learning and
// the teams' deliverables, reviews and notifications (national-path.ts).
// Deterministic (a seeded generator, fixed ids and dates) and written with prepared statements in
// one transaction, so a full run takes seconds. The database must be migrated and hold the
// reference data (roles, municipalities) and the material catalogue.

export const BENCH_PASSWORD = "bench-pass-2026";
export const BENCH_ACCOUNTS = {
  coordinator: "bench-coordinator@national.example.jp",
  facilitator: "bench-facilitator@national.example.jp",
  participant: "bench-participant@national.example.jp",
} as const;

export interface NationalOptions {
  scale: number;
  /** the current fiscal year: the newest of the ten */
  currentFiscalYear: number;
  /** one argon2 hash of BENCH_PASSWORD, shared by every account */
  passwordHash: string;
}


const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const DAY = 86400_000;
const id = (kind: string, n: number) => `n${kind}${n.toString(36).padStart(6, "0")}`;

const THEMES = [
  "健康無関心層へのアプローチ",
  "働き方改革のためのデータ活用",
  "データを利活用した公共施設マネジメント",
  "広域での帰宅困難者支援",
  "小学生の地域バランスと防犯対策",
  "子育て世帯の転出を防ぐ",
  "空き家の予防と活用",
  "地域公共交通の再編",
  "観光客の回遊性向上",
  "特定健診の受診率向上",
];
const DEPARTMENTS = ["企画課", "情報政策課", "健康推進課", "国民健康保険課", "防災危機管理課", "財政課", "人事課", "子育て支援課", "都市計画課", "観光課"];
const FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "松本", "井上"];
const GIVEN = ["花子", "太郎", "健一", "美咲", "誠", "由美", "大輔", "翔太", "彩", "拓也", "真理", "修", "明日香", "浩二", "陽菜"];
const STAGE_KEYS = ["prelearning", "problem_definition", "data_collection", "analysis", "proposal", "retrospective"];
const STAGE_WORKSHOP = [null, 1, 2, 3, 4, 4];
const ACTIONS = ["academy.update", "session.update", "team.update", "team.member_add", "material.release_update", "roster.import", "invitation.send", "auth.sign_in"];

export function seedNational(db: Database.Database, options: NationalOptions) {
  const rnd = seededRandom(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const n = (full: number) => Math.max(1, Math.round(full * options.scale));
  const counts = { regions: n(100), academiesPerRegion: 4, teamsPerAcademy: 10, membersPerTeam: 6, facilitators: n(300), coordinators: n(40), audit: n(50_000) };
  const now = iso(Date.UTC(options.currentFiscalYear, 10, 1));
  const roleName = new Map((db.prepare(`SELECT "id", "name" FROM "Role"`).all() as { id: string; name: string }[]).map((r) => [r.name, r.id]));
  const prefectures = db.prepare(`SELECT "code" FROM "Prefecture" ORDER BY "code"`).pluck().all() as string[];
  const municipalitiesOf = new Map<string, string[]>();
  for (const m of db.prepare(`SELECT "code", "prefectureCode" FROM "Municipality" ORDER BY "code"`).all() as { code: string; prefectureCode: string }[]) {
    municipalitiesOf.set(m.prefectureCode, [...(municipalitiesOf.get(m.prefectureCode) ?? []), m.code]);
  }
  const materials = db.prepare(`SELECT m."id", m."stageKey", m."audience", v."id" AS "versionId" FROM "Material" m JOIN "MaterialVersion" v ON v."materialId" = m."id" WHERE m."origin" = 'repository' AND v."retiredAt" IS NULL`).all() as {
    id: string;
    stageKey: string | null;
    audience: string;
    versionId: string;
  }[];
  if (prefectures.length === 0 || roleName.size === 0) throw new Error("seed the reference data first (roles, municipalities)");

  const q = {
    user: db.prepare(`INSERT INTO "User" ("id", "email", "displayName", "kana", "municipalityCode", "department", "createdAt", "updatedAt") VALUES (?, ?, ?, '', ?, ?, ?, ?)`),
    password: db.prepare(`INSERT INTO "Password" ("userId", "hash", "updatedAt") VALUES (?, ?, ?)`),
    userRole: db.prepare(`INSERT INTO "UserRole" ("userId", "roleId") VALUES (?, ?)`),
    region: db.prepare(`INSERT INTO "Region" ("id", "name", "kana", "description", "createdAt", "updatedAt") VALUES (?, ?, '', '', ?, ?)`),
    regionMember: db.prepare(`INSERT INTO "RegionMunicipality" ("regionId", "municipalityCode") VALUES (?, ?)`),
    academy: db.prepare(`INSERT INTO "Academy" ("id", "regionId", "fiscalYear", "name", "status", "description", "preLearningStartsAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`),
    enrollment: db.prepare(`INSERT OR IGNORE INTO "Enrollment" ("id", "academyId", "userId", "role", "status", "municipalityCode", "department", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)`),
    session: db.prepare(`INSERT INTO "WorkshopSession" ("id", "academyId", "sequence", "kind", "title", "startsAt", "endsAt", "venueName", "venueAddress", "onlineUrl", "agenda", "createdAt", "updatedAt") VALUES (?, ?, ?, 'workshop', '', ?, ?, ?, '', '', '', ?, ?)`),
    sessionFacilitator: db.prepare(`INSERT INTO "SessionFacilitator" ("sessionId", "userId") VALUES (?, ?)`),
    stage: db.prepare(`INSERT INTO "Stage" ("id", "academyId", "key", "position", "title", "sessionId", "deliverable", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)`),
    team: db.prepare(`INSERT INTO "Team" ("id", "academyId", "name", "themeTitle", "problemStatement", "leadId", "facilitatorId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, '', ?, ?, ?, ?)`),
    teamMunicipality: db.prepare(`INSERT OR IGNORE INTO "TeamMunicipality" ("teamId", "municipalityCode") VALUES (?, ?)`),
    member: db.prepare(`INSERT INTO "TeamMember" ("id", "teamId", "enrollmentId", "teamRole", "createdAt") VALUES (?, ?, ?, ?, ?)`),
    release: db.prepare(`INSERT INTO "AcademyMaterial" ("id", "academyId", "materialId", "stageId", "releaseMode", "releaseOffsetDays", "releaseAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'relative', ?, ?, ?, ?)`),
    access: db.prepare(`INSERT INTO "MaterialAccess" ("id", "userId", "academyId", "versionId", "kind", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`),
    completion: db.prepare(`INSERT OR IGNORE INTO "PreLearningCompletion" ("userId", "academyId", "materialId", "completedAt") VALUES (?, ?, ?, ?)`),
    audit: db.prepare(`INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "before", "after", "requestId", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)`),
    trainee: db.prepare(`UPDATE "Enrollment" SET "trainingLevel" = ?, "trainingLevelAt" = ? WHERE "id" = ?`),
    sessionFacilitatorAs: db.prepare(`INSERT OR IGNORE INTO "SessionFacilitator" ("sessionId", "userId", "role") VALUES (?, ?, ?)`),
    expert: db.prepare(`INSERT INTO "Expert" ("id", "userId", "kind", "affiliation", "fields", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`),
    expertTopic: db.prepare(`INSERT OR IGNORE INTO "ExpertTopic" ("expertId", "topicId") VALUES (?, ?)`),
    consultation: db.prepare(
      `INSERT INTO "Consultation" ("id", "fiscalYear", "municipalityCode", "requesterId", "topicId", "title", "question", "background", "status", "mode", "startsAt", "endsAt", "onlineUrl", "issues", "advice", "recordedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    consultationExpert: db.prepare(`INSERT OR IGNORE INTO "ConsultationExpert" ("consultationId", "expertId") VALUES (?, ?)`),
    consultationAction: db.prepare(`INSERT INTO "ConsultationAction" ("id", "consultationId", "description", "owner", "dueOn", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    followUp: db.prepare(`INSERT INTO "ConsultationFollowUp" ("id", "consultationId", "authorId", "note", "createdAt") VALUES (?, ?, ?, ?, ?)`),
    login: db.prepare(`INSERT INTO "LoginAttempt" ("id", "email", "ipAddress", "succeeded", "createdAt") VALUES (?, ?, ?, ?, ?)`),
  };

  let users = 0;
  const person = (email: string, municipalityCode: string | null, department: string) => {
    const userId = id("u", users++);
    q.user.run(userId, email, `${pick(FAMILY)} ${pick(GIVEN)}`, municipalityCode, department, now, now);
    q.password.run(userId, options.passwordHash, now);
    return userId;
  };

  const run = db.transaction(() => {
    const path = pathWriter(db, rnd, now);
    const running = sessionsWriter(db, rnd, now);
    const coordinator = person(BENCH_ACCOUNTS.coordinator, null, "データアカデミー事務局");
    q.userRole.run(coordinator, roleName.get("programme_coordinator"));
    const coordinators = [coordinator, ...Array.from({ length: counts.coordinators - 1 }, (_, i) => person(`coordinator${i}@national.example.jp`, null, "事務局"))];
    const benchFacilitator = person(BENCH_ACCOUNTS.facilitator, null, "講師");
    const facilitators = [benchFacilitator, ...Array.from({ length: counts.facilitators - 1 }, (_, i) => person(`facilitator${i}@national.example.jp`, null, "講師"))];
    let enrollments = 0;
    let sessions = 0;
    let stages = 0;
    let teams = 0;
    let members = 0;
    let releases = 0;
    let accesses = 0;
    const academies: { id: string; fiscalYear: number }[] = [];
    const enroll = (academyId: string, userId: string, role: string, municipalityCode: string | null, department: string) => {
      const enrollmentId = id("e", enrollments++);
      q.enrollment.run(enrollmentId, academyId, userId, role, municipalityCode, department, now, now);
      return enrollmentId;
    };
    let benchParticipantDone = false;
    let trainees = 0;
    const requesters: { userId: string; code: string }[] = [];
    for (let r = 0; r < counts.regions; r++) {
      const prefecture = prefectures[r % prefectures.length]!;
      const pool = municipalitiesOf.get(prefecture) ?? [];
      const size = 1 + Math.floor(rnd() * 4);
      const start = Math.floor(rnd() * Math.max(1, pool.length - size));
      const codes = [...new Set(pool.slice(start, start + size))];
      const regionId = id("r", r);
      q.region.run(regionId, `地域${r + 1}（${prefecture}）`, now, now);
      for (const code of codes) q.regionMember.run(regionId, code);
      // Participants of the region's academies; from the second academy on, one of them often
      // helps run the next as a local facilitator in training (observer → co-facilitator → lead).
      const regionPeople: string[] = [];
      // Four academies per region, spread over the ten fiscal years, the newest the current one.
      for (let k = 0; k < counts.academiesPerRegion; k++) {
        // Offsets r, r+3, r+6, r+9 (mod 10) are distinct: one academy per region and year.
        const fiscalYear = options.currentFiscalYear - ((r + k * 3) % 10);
        const academyId = id("a", academies.length);
        academies.push({ id: academyId, fiscalYear });
        const current = fiscalYear === options.currentFiscalYear;
        const first = Date.UTC(fiscalYear, 8, 1 + Math.floor(rnd() * 20), 4, 30);
        q.academy.run(academyId, regionId, fiscalYear, `データアカデミー${fiscalYear} 地域${r + 1}`, current ? "running" : "finished", iso(first - 14 * DAY), now, now);
        const staff = [pick(coordinators), pick(facilitators), pick(facilitators)];
        if (current && academies.filter((a) => a.fiscalYear === fiscalYear).length <= 8) staff[1] = benchFacilitator;
        enroll(academyId, staff[0]!, "coordinator", null, "事務局");
        const facilitatorIds = [...new Set(staff.slice(1))].filter((f) => f !== staff[0]);
        for (const f of facilitatorIds) enroll(academyId, f, "facilitator", null, "講師");
        const trainee = k > 0 && regionPeople.length > 0 && rnd() < 0.75 ? pick(regionPeople) : null;
        const traineeLevel = (["observer", "co_facilitator", "lead"] as const)[Math.min(2, k - 1)]!;
        if (trainee) {
          q.trainee.run(traineeLevel, iso(first - 30 * DAY), enroll(academyId, trainee, "facilitator", null, "地域の講師"));
          trainees++;
        }
        const sessionIds: string[] = [];
        const sessionTimes: { id: string; startsMs: number }[] = [];
        for (let s = 0; s < 4; s++) {
          const sessionId = id("s", sessions++);
          const startsAt = first + s * 14 * DAY;
          q.session.run(sessionId, academyId, s + 1, iso(startsAt), iso(startsAt + 3.5 * 3600_000), `${pick(["市役所", "県庁", "公民館"])} 会議室`, now, now);
          for (const f of facilitatorIds) q.sessionFacilitator.run(sessionId, f);
          if (trainee) q.sessionFacilitatorAs.run(sessionId, trainee, traineeLevel === "observer" || s === 0 ? "observer" : traineeLevel === "co_facilitator" || s < 3 ? "co_facilitator" : "lead");
          sessionIds.push(sessionId);
          sessionTimes.push({ id: sessionId, startsMs: startsAt });
        }
        const stageIds = STAGE_KEYS.map((key, i) => {
          const stageId = id("g", stages++);
          const w = STAGE_WORKSHOP[i];
          q.stage.run(stageId, academyId, key, i + 1, w ? sessionIds[w - 1] : null, PATH_STAGE_KEYS.includes(key) ? "both" : "none", now, now);
          return stageId;
        });
        for (const m of materials) {
          const i = STAGE_KEYS.indexOf(m.stageKey ?? "");
          const w = i >= 0 ? STAGE_WORKSHOP[i] : 1;
          const anchor = w ? first + (w - 1) * 14 * DAY : first - 14 * DAY;
          const offset = i === 0 ? 0 : -7;
          q.release.run(id("m", releases++), academyId, m.id, i >= 0 ? stageIds[i] : null, offset, iso(anchor + offset * DAY), now, now);
        }
        for (let t = 0; t < counts.teamsPerAcademy; t++) {
          const teamId = id("t", teams++);
          const code = codes[t % codes.length]!;
          const people: { userId: string; enrollmentId: string }[] = [];
          for (let p = 0; p < counts.membersPerTeam; p++) {
            const bench = current && !benchParticipantDone && t === 0 && p === 0;
            const department = pick(DEPARTMENTS);
            const userId = person(bench ? BENCH_ACCOUNTS.participant : `p${users}@national.example.jp`, code, department);
            if (bench) benchParticipantDone = true;
            people.push({ userId, enrollmentId: enroll(academyId, userId, "participant", code, department) });
            if (p < 2) regionPeople.push(userId);
            if (p === 0 && t < 2) requesters.push({ userId, code });
          }
          const theme = pick(THEMES);
          const reviewerId = facilitatorIds[t % Math.max(1, facilitatorIds.length)] ?? staff[0]!;
          q.team.run(teamId, academyId, `${code}チーム${t + 1}`, theme, people[0]!.userId, facilitatorIds.length > 0 ? reviewerId : null, now, now);
          // deliverable stages are due the day before the next workshop (the last: its own day)
          const pathStages = STAGE_KEYS.flatMap((key, i) => (PATH_STAGE_KEYS.includes(key) ? [{ id: stageIds[i]!, key, dueMs: first + Math.min(STAGE_WORKSHOP[i]!, 3) * 14 * DAY - (STAGE_WORKSHOP[i]! < 4 ? DAY : 0) }] : []));
          path.team({ teamId, teamName: `${code}チーム${t + 1}`, academyId, theme, members: people.map((p) => p.userId), reviewerId, stages: pathStages, handedIn: current ? 1 + Math.floor(rnd() * pathStages.length) : pathStages.length, finished: !current });
          q.teamMunicipality.run(teamId, code);
          people.forEach((p, i) => q.member.run(id("x", members++), teamId, p.enrollmentId, i === 0 ? "problem_owner" : i === 1 ? "data_holder" : "other", now));
          running.team({ academyId, teamId, people, sessions: sessionTimes, finished: !current });
          for (const p of people) {
            const handout = materials.find((m) => m.stageKey === "prelearning" && m.audience === "participant");
            if (handout && rnd() < 0.8) q.completion.run(p.userId, academyId, handout.id, iso(first - 7 * DAY));
            if (rnd() < 0.5) {
              const m = pick(materials.filter((x) => x.audience === "participant"));
              q.access.run(id("d", accesses++), p.userId, academyId, m.versionId, rnd() < 0.5 ? "view" : "download", iso(first));
            }
          }
        }
      }
    }
    for (let e = 0; e < counts.audit; e++) {
      const action = pick(ACTIONS);
      const academy = pick(academies);
      const entityType = action.split(".")[0] === "auth" ? "user" : "academy";
      q.audit.run(id("v", e), pick(coordinators), action, entityType, entityType === "user" ? coordinator : academy.id, JSON.stringify({ name: "前" }), JSON.stringify({ name: "後" }), iso(Date.UTC(academy.fiscalYear, 3, 1) + Math.floor(rnd() * 360) * DAY));
    }
    const consultations = seedConsultations(q, { rnd, pick, n, now, person, requesters, topics: db.prepare(`SELECT "id" FROM "ConsultationTopic" ORDER BY "position"`).pluck().all() as string[], currentFiscalYear: options.currentFiscalYear });
    for (let l = 0; l < n(5000); l++) q.login.run(id("l", l), `p${l}@national.example.jp`, `192.0.2.${l % 250}`, rnd() < 0.9 ? 1 : 0, iso(Date.UTC(options.currentFiscalYear, 4, 1) + l * 60_000));
    return { users, academies: academies.length, sessions, teams, enrollments, members, releases, accesses, audit: counts.audit, trainees, ...consultations, ...path.count, ...running.count };
  });
  return run();
}

type Statements = Record<"expert" | "expertTopic" | "consultation" | "consultationExpert" | "consultationAction" | "followUp", Database.Statement>;

/** Experts and ten years of consultations (about 10 a year at full scale), held ones with advice, actions and a follow-up. */
function seedConsultations(
  q: Statements,
  o: { rnd: () => number; pick: <T>(list: readonly T[]) => T; n: (full: number) => number; now: string; person: (email: string, code: string | null, department: string) => string; requesters: { userId: string; code: string }[]; topics: string[]; currentFiscalYear: number },
) {
  if (o.topics.length === 0 || o.requesters.length === 0) return { experts: 0, consultations: 0 };
  const kinds = ["lawyer", "analyst", "government", "researcher"] as const;
  const experts = Array.from({ length: o.n(40) }, (_, i) => {
    const expertId = id("ex", i);
    q.expert.run(expertId, o.person(`expert${i}@national.example.jp`, null, "専門家"), kinds[i % kinds.length], `所属${i + 1}`, "個人情報保護、統計、アンケート設計", o.now, o.now);
    q.expertTopic.run(expertId, o.topics[i % o.topics.length]);
    q.expertTopic.run(expertId, o.topics[(i + 2) % o.topics.length]);
    return expertId;
  });
  const total = o.n(100);
  let actions = 0;
  for (let c = 0; c < total; c++) {
    const consultationId = id("cn", c);
    const fiscalYear = o.currentFiscalYear - (c % 10);
    const who = o.pick(o.requesters);
    const startsMs = Date.UTC(fiscalYear, 6 + Math.floor(o.rnd() * 6), 1 + Math.floor(o.rnd() * 25), 5, 0);
    const held = fiscalYear < o.currentFiscalYear || o.rnd() < 0.5;
    const status = held ? "held" : o.rnd() < 0.5 ? "scheduled" : "requested";
    const scheduled = status !== "requested";
    q.consultation.run(
      consultationId,
      fiscalYear,
      who.code,
      who.userId,
      o.pick(o.topics),
      `相談${c + 1}：データ活用の進め方`,
      "保有するデータをどのように分析に使えるか相談したい。",
      status,
      scheduled ? "online" : null,
      scheduled ? iso(startsMs) : null,
      scheduled ? iso(startsMs + 90 * 60_000) : null,
      scheduled ? "https://meet.example.jp/national" : "",
      held ? "・目的外利用の可否\n・加工の方法" : "",
      held ? "統計データに集計してから使う。" : "",
      held ? iso(startsMs + 2 * 3600_000) : null,
      iso(startsMs - 30 * DAY),
      o.now,
    );
    if (scheduled) q.consultationExpert.run(consultationId, o.pick(experts));
    if (held) {
      for (let a = 0; a < 2; a++) {
        const due = new Date(startsMs + (60 + a * 60) * DAY).toISOString().slice(0, 10);
        q.consultationAction.run(id("ca", actions++), consultationId, `取組${a + 1}`, "企画課", due, o.pick(["open", "in_progress", "done"]), o.now, o.now);
      }
      q.followUp.run(id("cf", c), consultationId, who.userId, "規程の見直しを始めた。", iso(startsMs + 90 * DAY));
    }
  }
  return { experts: experts.length, consultations: total };
}
