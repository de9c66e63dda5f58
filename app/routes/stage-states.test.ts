import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/dates";
import { loader as teamLoader } from "./academies.$academyId.teams.$teamId._index";
import { action as stageAction, loader as stageLoader } from "./academies.$academyId.teams.$teamId.stages.$stageId";
import { loader as materialsLoader } from "./academies.$academyId.materials._index";
import { loader as boardLoader } from "./progress._index";
import { loader as exportLoader } from "./progress.$format";
import { loader as dashboardLoader } from "./dashboard";
import { loader as reviewsLoader } from "./reviews";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

// One state, one source: the team's step indicator, its status table, "what to do next", the
// stage page, the progress board (cells, summary, filter, CSV), the facilitator's dashboard and
// the review queue all say the same of each stage (deliverable/progress.ts).

const DAY = 86_400_000;
type Cookie = string;

async function world() {
  const now = Date.now();
  const fy = fiscalYearOf(new Date());
  const facilitator = await createUser("facilitator", { displayName: "講師 一郎" });
  const region = await createRegion("播磨圏域", ["282014"]);
  // sessions 40, 26 and 12 days ago and in two days: problem definition and the data are past due
  const academy = await createAcademy({ regionId: region.id, fiscalYear: fy, name: "播磨アカデミー", facilitatorIds: [facilitator.id], sessionStarts: [-40, -26, -12, 2].map((d) => new Date(now + d * DAY)) });
  const finished = await createAcademy({ regionId: (await createRegion("西播磨圏域", ["282081"])).id, fiscalYear: fy, name: "終了アカデミー", facilitatorIds: [facilitator.id], sessionStarts: [-80, -66, -52, -38].map((d) => new Date(now + d * DAY)) });
  await prisma.academy.update({ where: { id: academy.id }, data: { status: "running" } });
  await prisma.academy.update({ where: { id: finished.id }, data: { status: "finished" } });
  const pre = await prisma.material.create({ data: { key: "t-pre", stageKey: "prelearning", audience: "participant", kind: "link", origin: "upload", title: "事前学習の動画" } });
  const dataGuide = await prisma.material.create({ data: { key: "t-data", stageKey: "data_collection", audience: "participant", kind: "link", origin: "upload", title: "データ収集の手引き" } });
  const pdGuide = await prisma.material.create({ data: { key: "t-pd", stageKey: "problem_definition", audience: "participant", kind: "link", origin: "upload", title: "課題設定の手引き" } });
  const stage = async (academyId: string, key: string) => (await prisma.stage.findFirstOrThrow({ where: { academyId, key } })).id;
  for (const m of [pre, dataGuide, pdGuide]) await prisma.academyMaterial.create({ data: { academyId: academy.id, materialId: m.id, stageId: await stage(academy.id, m.stageKey!), releaseAt: new Date(now - 50 * DAY) } });

  // 提出待ちチーム: everyone learned; problem definition handed in and waiting; the data not handed in (overdue)
  const learner = await createUser("participant");
  const waiting = await createTeam(academy.id, "提出待ちチーム", [learner.id]);
  await prisma.preLearningCompletion.create({ data: { userId: learner.id, academyId: academy.id, materialId: pre.id } });
  await prisma.deliverable.create({ data: { teamId: waiting.id, stageId: await stage(academy.id, "problem_definition"), status: "submitted", latestVersion: 1, submittedAt: new Date(now - 20 * DAY) } });

  // 学習途中チーム: one of two members has not done the pre-learning; problem definition and the data both handed in late
  const done = await createUser("participant");
  const notYet = await createUser("participant");
  const learning = await createTeam(academy.id, "学習途中チーム", [done.id, notYet.id]);
  await prisma.preLearningCompletion.create({ data: { userId: done.id, academyId: academy.id, materialId: pre.id } });
  // handed in: the data first (a day ago), then the problem definition (today)
  await prisma.deliverable.create({ data: { teamId: learning.id, stageId: await stage(academy.id, "data_collection"), status: "submitted", latestVersion: 1, submittedAt: new Date(now - DAY) } });
  await prisma.deliverable.create({ data: { teamId: learning.id, stageId: await stage(academy.id, "problem_definition"), status: "submitted", latestVersion: 1, submittedAt: new Date(now - 1000) } });

  // 終了チーム: a finished academy, problem definition never accepted
  const late = await createUser("participant");
  const closed = await createTeam(finished.id, "終了チーム", [late.id]);
  await prisma.deliverable.create({ data: { teamId: closed.id, stageId: await stage(finished.id, "problem_definition"), status: "revision_requested", latestVersion: 1 } });

  return {
    academy,
    finished,
    teams: { waiting, learning, closed },
    stage,
    cookies: { coordinator: await sessionCookieFor((await createUser("coordinator")).id), facilitator: await sessionCookieFor(facilitator.id), learner: await sessionCookieFor(learner.id) },
  };
}

const teamPage = async (academyId: string, teamId: string, cookie: Cookie) =>
  (await caught(teamLoader({ request: getRequest(`/academies/${academyId}/teams/${teamId}`, { cookie }), params: { academyId, teamId }, context }))).data;
const board = async (query: string, cookie: Cookie) => (await caught(boardLoader({ request: getRequest(`/progress${query}`, { cookie }), params: {}, context }))).data;
const statesOf = (page: { workspace: { stages: { key: string; state: string }[] } }) => Object.fromEntries(page.workspace.stages.map((s) => [s.key, s.state]));

describe("a stage's state is the same on every screen", () => {
  it("an overdue stage: the team page, its table, what to do next, the stage page, the board, the dashboard", async () => {
    const w = await world();
    const page = await teamPage(w.academy.id, w.teams.waiting.id, w.cookies.learner);
    expect(statesOf(page)).toEqual({ prelearning: "done", problem_definition: "submitted", data_collection: "overdue", analysis: "upcoming", proposal: "upcoming", retrospective: "upcoming" });
    // the current stage is the one that needs the team: the data, not the problem definition waiting for review
    expect(page.workspace.stages[page.workspace.currentIndex].key).toBe("data_collection");
    expect(page.workspace.todo.map((s: { key: string; state: string }) => [s.key, s.state])).toEqual([["data_collection", "overdue"]]);
    // the materials beside "what to do next" are that stage's
    expect(page.workspace.materials.map((m: { material: { title: string } }) => m.material.title)).toEqual(["データ収集の手引き"]);

    const dataStage = await w.stage(w.academy.id, "data_collection");
    const stagePage = await caught(stageLoader({ request: getRequest("/x", { cookie: w.cookies.learner }), params: { academyId: w.academy.id, teamId: w.teams.waiting.id, stageId: dataStage }, context }));
    expect(stagePage.data.state).toBe("overdue");
    expect(stagePage.data.steps.map((s: { state: string }) => s.state)).toEqual(page.workspace.stages.map((s: { state: string }) => s.state));

    const { rows, summary } = await board("", w.cookies.coordinator);
    const row = rows.find((r: { name: string }) => r.name === "提出待ちチーム");
    expect(Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, (c as { state: string }).state]))).toEqual(statesOf(page));
    expect(row).toMatchObject({ currentKey: "data_collection", overdue: true, overdueKeys: ["data_collection"] });

    const dashboard = (await caught(dashboardLoader({ request: getRequest("/dashboard", { cookie: w.cookies.facilitator }), params: {}, context }))).data;
    const risk = dashboard.staff.atRisk.find((r: { name: string }) => r.name === "提出待ちチーム");
    expect(risk).toMatchObject({ overdue: true, overdueKeys: ["data_collection"], currentKey: "data_collection" });
    expect(dashboard.staff.counts.overdue).toBe(summary.overdue);
  });

  it("pre-learning is done only when every member has learned, as the completion list shows", async () => {
    const w = await world();
    const page = await teamPage(w.academy.id, w.teams.learning.id, w.cookies.coordinator);
    expect(statesOf(page).prelearning).toBe("overdue");
    // the pre-learning is what the team owes now; its other stages wait for review
    expect(page.workspace.todo.map((s: { key: string }) => s.key)).toEqual(["prelearning"]);
    expect(page.workspace.materials.map((m: { material: { title: string } }) => m.material.title)).toEqual(["事前学習の動画"]);
    const completion = (await caught(materialsLoader({ request: getRequest(`/academies/${w.academy.id}/materials`, { cookie: w.cookies.coordinator }), params: { academyId: w.academy.id }, context }))).data;
    const listed = completion.progress.teams.find((t: { name: string }) => t.name === "学習途中チーム");
    expect([listed.complete, listed.total]).toEqual([1, 2]);
    const other = completion.progress.teams.find((t: { name: string }) => t.name === "提出待ちチーム");
    expect([other.complete, other.total]).toEqual([1, 1]);
    const { rows } = await board("", w.cookies.coordinator);
    expect(rows.find((r: { name: string }) => r.name === "学習途中チーム")).toMatchObject({ overdueKeys: ["prelearning"], currentKey: "prelearning" });
    expect(rows.find((r: { name: string }) => r.name === "提出待ちチーム").cells.prelearning.state).toBe("done");

    // the last member learns: done on both screens
    const notYet = await prisma.teamMember.findMany({ where: { teamId: w.teams.learning.id }, include: { enrollment: true } });
    const pre = await prisma.material.findFirstOrThrow({ where: { key: "t-pre" } });
    for (const m of notYet) await prisma.preLearningCompletion.upsert({ where: { userId_academyId_materialId: { userId: m.enrollment.userId, academyId: w.academy.id, materialId: pre.id } }, create: { userId: m.enrollment.userId, academyId: w.academy.id, materialId: pre.id }, update: {} });
    expect(statesOf(await teamPage(w.academy.id, w.teams.learning.id, w.cookies.coordinator)).prelearning).toBe("done");
    expect((await board("", w.cookies.coordinator)).rows.find((r: { name: string }) => r.name === "学習途中チーム").cells.prelearning.state).toBe("done");
  });

  it("a finished year: nothing reads overdue, the summary, the filter and the CSV agree", async () => {
    const w = await world();
    const page = await teamPage(w.finished.id, w.teams.closed.id, w.cookies.coordinator);
    expect(Object.values(statesOf(page))).not.toContain("overdue");
    expect(statesOf(page).problem_definition).toBe("missed");
    const { rows, summary } = await board(`?academy=${w.finished.id}`, w.cookies.coordinator);
    const cells = rows.flatMap((r: { cells: Record<string, { state: string }> }) => Object.values(r.cells).map((c) => c.state));
    expect(cells).not.toContain("overdue");
    expect(summary.overdue).toBe(0);
    expect((await board(`?academy=${w.finished.id}&attention=overdue`, w.cookies.coordinator)).rows).toEqual([]);
    const csv = (await exportLoader({ request: getRequest(`/progress/csv?academy=${w.finished.id}`, { cookie: w.cookies.coordinator }), params: { format: "csv" }, context })) as Response;
    const [header, ...lines] = new TextDecoder().decode(await csv.arrayBuffer()).trim().split(/\r?\n/).map((l) => l.split(","));
    const overdueColumn = header!.indexOf("期限切れ");
    expect(lines).toHaveLength(1);
    expect(lines[0]![overdueColumn]).toBe("");
    expect(lines[0]!.slice(0, overdueColumn)).not.toContain("期限切れ");
    expect(lines[0]).toContain("未完了");
    // and in the running year, the board's count of overdue teams is the rows the filter finds
    const all = await board("", w.cookies.coordinator);
    expect((await board("?attention=overdue", w.cookies.coordinator)).shownCount).toBe(all.summary.overdue);
    expect(all.rows.filter((r: { overdue: boolean }) => r.overdue).length).toBe(all.summary.overdue);
  });

  it("the review queue orders by each team's due date as its path shows it, earlier stages first", async () => {
    const w = await world();
    // the data stage no longer tied to a session: it follows the problem definition's (deadline.ts)
    await prisma.stage.update({ where: { id: await w.stage(w.academy.id, "data_collection") }, data: { sessionId: null } });
    const queue = (await caught(reviewsLoader({ request: getRequest("/reviews", { cookie: w.cookies.facilitator }), params: {}, context }))).data;
    const order = queue.rows.map((r: { teamName: string; stageKey: string }) => `${r.teamName}:${r.stageKey}`);
    expect(order.indexOf("学習途中チーム:problem_definition")).toBeLessThan(order.indexOf("学習途中チーム:data_collection"));
    // each row's due date is the one the team's page shows for that stage
    const page = await teamPage(w.academy.id, w.teams.learning.id, w.cookies.coordinator);
    for (const r of queue.rows.filter((x: { teamName: string }) => x.teamName === "学習途中チーム")) {
      const shown = page.workspace.stages.find((s: { id: string }) => s.id === r.stageId);
      expect(new Date(r.dueAt).getTime()).toBe(new Date(shown.deadline.dueAt).getTime());
    }
    const dues = queue.rows.map((r: { dueAt: string }) => new Date(r.dueAt).getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });
});

describe("the reviewer's way through the queue", () => {
  it("sorts by waiting time on request, and 'decide and open the next' lands on the next submission waiting", async () => {
    const w = await world();
    const order = async (query: string) =>
      (await caught(reviewsLoader({ request: getRequest(`/reviews${query}`, { cookie: w.cookies.facilitator }), params: {}, context }))).data.rows.map((r: { teamName: string; stageKey: string }) => `${r.teamName}:${r.stageKey}`);
    expect(await order("?sort=waiting")).toEqual(["提出待ちチーム:problem_definition", "学習途中チーム:data_collection", "学習途中チーム:problem_definition"]);
    expect((await order(""))[0]).toBe("提出待ちチーム:problem_definition");

    const pd = await w.stage(w.academy.id, "problem_definition");
    const params = { academyId: w.academy.id, teamId: w.teams.waiting.id, stageId: pd };
    const page = await caught(stageLoader({ request: getRequest("/x", { cookie: w.cookies.facilitator }), params, context }));
    expect(page.data.next).toMatchObject({ teamName: "学習途中チーム" });
    const post = (fields: Record<string, string>) =>
      caught(
        stageAction({
          request: new Request(`http://localhost:3000/academies/${w.academy.id}/teams/${w.teams.waiting.id}/stages/${pd}`, { method: "POST", body: new URLSearchParams(fields).toString(), headers: { Cookie: w.cookies.facilitator, "Content-Type": "application/x-www-form-urlencoded" } }),
          params,
          context,
        }),
      );
    const decided = await post({ intent: "review", decision: "accept", versionNumber: "1", body: "", openNext: "1" });
    expect(decided.status).toBe(302);
    expect(decided.headers.get("Location")).toBe(`/academies/${w.academy.id}/teams/${w.teams.learning.id}/stages/${pd}`);
    expect((await prisma.deliverable.findFirstOrThrow({ where: { teamId: w.teams.waiting.id, stageId: pd } })).status).toBe("accepted");
  });
});
