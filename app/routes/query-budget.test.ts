import { describe, expect, it, vi } from "vitest";

// Each main page sends the same number of SQL statements whatever the amount of data: a page
// whose count grows with the data has an N+1 or a per-row query. Measured on national-seed data
// at two sizes (4 and 16 academies); the figures at full scale come from `npm run bench`.
vi.hoisted(() => {
  process.env.DAM_COUNT_SQL = "1";
  // count what computing a page costs: kept figures (read-cache.server.ts) would hide an N+1 behind a hit
  process.env.DAM_READ_CACHE = "off";
});

const { prisma, sqlStatementCount } = await import("~/utils/db.server");
const { syncCatalogue } = await import("~/modules/material/catalogue-sync.server");
const { rotateCalendarToken } = await import("~/modules/calendar/calendar.server");
const { BENCH_ACCOUNTS } = await import("../../prisma/seed/national");
const { seedNationalInto } = await import("../../prisma/seed/national-anywhere");
const { fiscalYearOf } = await import("~/utils/dates");
const { caught, context, getRequest, sessionCookieFor } = await import("../../tests/support/requests");
const { wipeDatabase } = await import("../../tests/support/wipe");
const { createApiToken } = await import("~/modules/api/tokens.server");

const routes = {
  dashboard: await import("./dashboard"),
  academies: await import("./academies._index"),
  academy: await import("./academies.$academyId._index"),
  materials: await import("./academies.$academyId.materials._index"),
  team: await import("./academies.$academyId.teams.$teamId._index"),
  stage: await import("./academies.$academyId.teams.$teamId.stages.$stageId"),
  reviews: await import("./reviews"),
  notifications: await import("./notifications"),
  audit: await import("./audit"),
  calendar: await import("./calendar._index"),
  feed: await import("./calendar.feed.$file"),
  room: await import("./academies.$academyId.sessions.$sessionId._index"),
  attendance: await import("./academies.$academyId.sessions.$sessionId.attendance"),
  completion: await import("./academies.$academyId.completion"),
  board: await import("./academies.$academyId.retros.$retroId._index"),
  surveys: await import("./academies.$academyId.surveys._index"),
  outcomes: await import("./academies.$academyId.outcomes"),
  kpi: await import("./reports.kpi._index"),
  progress: await import("./progress._index"),
  certificates: await import("./academies.$academyId.certificates._index"),
  apiAcademies: await import("./api.v1.academies._index"),
  apiSessions: await import("./api.v1.sessions"),
  consultations: await import("./consultations._index"),
  consultation: await import("./consultations.$consultationId"),
  experts: await import("./consultations.experts._index"),
  pool: await import("./facilitators._index"),
  facilitation: await import("./academies.$academyId.facilitators"),
};

async function measure(scale: number) {
  await wipeDatabase();
  await syncCatalogue(prisma);
  await seedNationalInto(process.env.DATABASE_URL!, { scale, currentFiscalYear: fiscalYearOf(new Date()), passwordHash: "not-used" });
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const [coordinator, facilitator, participant] = await Promise.all([user(BENCH_ACCOUNTS.coordinator), user(BENCH_ACCOUNTS.facilitator), user(BENCH_ACCOUNTS.participant)]);
  const team = await prisma.team.findFirstOrThrow({ where: { members: { some: { enrollment: { userId: participant.id } } } }, select: { id: true, academyId: true } });
  const cookies = { coordinator: await sessionCookieFor(coordinator.id), facilitator: await sessionCookieFor(facilitator.id), participant: await sessionCookieFor(participant.id) };
  const { token: apiToken } = await createApiToken(coordinator.id, "budget");
  const token = await rotateCalendarToken(participant.id);
  const a = { academyId: team.academyId };
  // the problem definition, which every team has handed in: versions, files and a review thread
  const handedIn = await prisma.deliverable.findFirstOrThrow({ where: { teamId: team.id, stage: { key: "problem_definition" } }, select: { stageId: true } });
  const stagePage = { ...a, teamId: team.id, stageId: handedIn.stageId };
  const session = await prisma.workshopSession.findFirstOrThrow({ where: { academyId: team.academyId }, orderBy: { sequence: "asc" }, select: { id: true } });
  const board = await prisma.retrospective.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true } });
  // a finished academy for the outcomes and the survey results
  const finished = await prisma.academy.findFirstOrThrow({ where: { status: "finished" }, orderBy: { id: "asc" }, select: { id: true } });
  const held = await prisma.consultation.findFirstOrThrow({ where: { status: "held" }, orderBy: { id: "asc" }, select: { id: true } });
  const pages: [string, keyof typeof cookies | "api" | null, keyof typeof routes, Record<string, string>, string][] = [
    ["coordinator dashboard", "coordinator", "dashboard", {}, "/dashboard"],
    ["facilitator dashboard", "facilitator", "dashboard", {}, "/dashboard"],
    ["participant dashboard", "participant", "dashboard", {}, "/dashboard"],
    ["academies", "coordinator", "academies", {}, "/academies"],
    ["academy page", "coordinator", "academy", a, "/academies/x"],
    ["academy page (facilitator)", "facilitator", "academy", a, "/academies/x"],
    ["academy materials", "coordinator", "materials", a, "/academies/x/materials"],
    ["academy materials (participant)", "participant", "materials", a, "/academies/x/materials"],
    ["team page", "participant", "team", { ...a, teamId: team.id }, "/academies/x/teams/y"],
    ["team page (facilitator)", "facilitator", "team", { ...a, teamId: team.id }, "/academies/x/teams/y"],
    ["stage page", "participant", "stage", stagePage, "/academies/x/teams/y/stages/z"],
    ["stage page (coordinator)", "coordinator", "stage", stagePage, "/academies/x/teams/y/stages/z"],
    ["review queue (facilitator)", "facilitator", "reviews", {}, "/reviews"],
    ["review queue (coordinator)", "coordinator", "reviews", {}, "/reviews"],
    ["notifications", "participant", "notifications", {}, "/notifications"],
    ["notifications (facilitator)", "facilitator", "notifications", {}, "/notifications"],
    ["audit log", "coordinator", "audit", {}, "/audit"],
    ["calendar", "coordinator", "calendar", {}, "/calendar"],
    ["personal iCal feed", null, "feed", { file: `${token}.ics` }, "/calendar/feed/x.ics"],
    ["session page", "participant", "room", { ...a, sessionId: session.id }, "/academies/x/sessions/y"],
    ["session page (facilitator)", "facilitator", "room", { ...a, sessionId: session.id }, "/academies/x/sessions/y"],
    ["attendance", "facilitator", "attendance", { ...a, sessionId: session.id }, "/academies/x/sessions/y/attendance"],
    ["completion", "coordinator", "completion", a, "/academies/x/completion"],
    ["retrospective board", "participant", "board", { ...a, retroId: board.id }, "/academies/x/retros/y"],
    ["retrospective board (facilitator)", "facilitator", "board", { ...a, retroId: board.id }, "/academies/x/retros/y"],
    ["surveys (participant)", "participant", "surveys", a, "/academies/x/surveys"],
    ["survey results", "coordinator", "surveys", { academyId: finished.id }, "/academies/x/surveys"],
    ["outcomes", "coordinator", "outcomes", { academyId: finished.id }, "/academies/x/outcomes"],
    ["KPI report by prefecture", "coordinator", "kpi", {}, "/reports/kpi"],
    ["KPI report by municipality, last year", "coordinator", "kpi", {}, `/reports/kpi?by=municipality&fy=${fiscalYearOf(new Date()) - 1}`],
    ["progress board", "coordinator", "progress", {}, "/progress"],
    ["progress board (facilitator, at risk)", "facilitator", "progress", {}, "/progress?attention=atRisk"],
    ["certificates", "coordinator", "certificates", { academyId: finished.id }, "/academies/x/certificates"],
    ["expert consultations", "coordinator", "consultations", {}, "/consultations"],
    ["expert consultation (held)", "coordinator", "consultation", { consultationId: held.id }, "/consultations/x"],
    ["experts", "coordinator", "experts", {}, "/consultations/experts"],
    ["facilitator pool", "coordinator", "pool", {}, "/facilitators"],
    ["facilitator pool (trained, by prefecture)", "coordinator", "pool", {}, "/facilitators?level=trained&prefecture=13"],
    ["facilitators of an academy", "coordinator", "facilitation", a, "/academies/x/facilitators"],
    ["API: academies", "api", "apiAcademies", {}, "/api/v1/academies?per_page=100"],
    ["API: sessions of the year", "api", "apiSessions", {}, `/api/v1/sessions?fiscal_year=${fiscalYearOf(new Date())}`],
  ];
  const counts: Record<string, number> = {};
  // The first round warms what a running server has warm (the role → permission map).
  for (const round of [1, 2]) {
    for (const [name, who, route, params, url] of pages) {
      const before = sqlStatementCount();
      const request = who === "api" ? new Request(`http://localhost:3000${url}`, { headers: { Authorization: `Bearer ${apiToken}` } }) : getRequest(url, who ? { cookie: cookies[who] } : {});
      const res = await caught(routes[route].loader({ request, params, context }));
      expect(res.status, name).toBe(200);
      if (round === 2) counts[name] = sqlStatementCount() - before;
    }
  }
  return counts;
}

describe("query budget", () => {
  it("every main page sends as many statements for 16 academies as for 4", async () => {
    const small = await measure(0.01);
    const large = await measure(0.04);
    process.stdout.write(`SQL statements per page: ${JSON.stringify(small)}\n`);
    expect(large).toEqual(small);
    expect(await prisma.academy.count()).toBe(16);
  }, 120_000);
});
