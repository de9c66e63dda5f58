import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loader as roomLoader } from "./academies.$academyId.sessions.$sessionId._index";
import { action as attendanceAction, loader as attendanceLoader } from "./academies.$academyId.sessions.$sessionId.attendance";
import { action as completionAction, loader as completionLoader } from "./academies.$academyId.completion";
import { action as surveyAction } from "./academies.$academyId.surveys.$survey";
import { action as surveysAction, loader as surveysLoader } from "./academies.$academyId.surveys._index";
import { action as outcomesAction, loader as outcomesLoader } from "./academies.$academyId.outcomes";
import { attachCurriculum, releaseStageNow } from "~/modules/material/release.server";
import { syncCatalogue } from "~/modules/material/catalogue-sync.server";
import { setCompletion } from "~/modules/material/prelearning.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

// The session page, attendance driving completion (研修履修), surveys and outcome follow-up.

const DAY = 86400_000;

function urlencoded(url: string, fields: Record<string, string>, cookie: string) {
  return new Request(`http://localhost:3000${url}`, {
    method: "POST",
    body: new URLSearchParams(fields).toString(),
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  });
}

async function world() {
  await syncCatalogue(prisma);
  const region = await createRegion("播磨圏域", ["282014"]);
  const coordinator = await createUser("coordinator");
  const facilitator = await createUser("facilitator");
  const a = await createUser("participant");
  const b = await createUser("participant");
  const stranger = await createUser("participant");
  const now = Date.now();
  const academy = await createAcademy({
    regionId: region.id,
    facilitatorIds: [facilitator.id],
    sessionStarts: [new Date(now - 40 * DAY), new Date(now - 26 * DAY), new Date(now - 12 * DAY), new Date(now - 2 * DAY)],
  });
  await createTeam(academy.id, "受診率向上チーム", [a.id, b.id]);
  const elsewhere = await createAcademy({ regionId: (await createRegion("千代田区", ["131016"])).id });
  const strangerEnrollment = await enroll(elsewhere.id, stranger.id, "participant");
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
  const enrollments = await prisma.enrollment.findMany({ where: { academyId: academy.id, role: "participant" }, orderBy: { createdAt: "asc" } });
  const cookies = {
    coordinator: await sessionCookieFor(coordinator.id),
    facilitator: await sessionCookieFor(facilitator.id),
    a: await sessionCookieFor(a.id),
    b: await sessionCookieFor(b.id),
  };
  return { academy, sessions, enrollments, strangerEnrollment, users: { coordinator, facilitator, a, b }, cookies };
}

describe("attendance and completion", () => {
  it("records one tap per person, audits changes, refuses people of another academy and decides who completed", async () => {
    const w = await world();
    const [ea, eb] = w.enrollments as [(typeof w.enrollments)[number], (typeof w.enrollments)[number]];
    const mark = (sessionIndex: number, fields: Record<string, string>, who: keyof typeof w.cookies = "facilitator") => {
      const s = w.sessions[sessionIndex]!;
      return caught(attendanceAction({ request: urlencoded("/", { intent: "mark", ...fields }, w.cookies[who]), params: { academyId: w.academy.id, sessionId: s.id }, context }));
    };
    // A attends all four (one late), B two of four
    for (const [i, status] of ["present", "late", "present", "present"].entries()) expect((await mark(i, { enrollmentId: ea.id, status })).status).toBe(200);
    for (const [i, status] of ["present", "absent", "excused", "present"].entries()) await mark(i, { enrollmentId: eb.id, status });
    // changed afterwards: audited with before and after
    await mark(1, { enrollmentId: eb.id, status: "present" });
    const change = await prisma.auditEvent.findFirstOrThrow({ where: { action: "attendance.update", entityId: w.sessions[1]!.id } });
    expect(JSON.parse(change.before!)).toMatchObject({ status: "absent" });
    expect(JSON.parse(change.after!)).toMatchObject({ status: "present" });
    // the same tap twice changes nothing and writes no audit
    const before = await prisma.auditEvent.count();
    await mark(1, { enrollmentId: eb.id, status: "present" });
    expect(await prisma.auditEvent.count()).toBe(before);

    // refused: someone of another academy, a made-up status, a participant taking attendance
    const foreign = await mark(0, { enrollmentId: w.strangerEnrollment.id, status: "present" });
    expect(foreign.status).toBe(400);
    expect(foreign.data.reason).toBe("attendance.notInAcademy");
    expect((await mark(0, { enrollmentId: ea.id, status: "here" })).data.reason).toBe("attendance.error.status");
    expect((await mark(0, { enrollmentId: ea.id, status: "absent" }, "a")).status).toBe(403);
    expect(await prisma.attendance.count({ where: { enrollmentId: w.strangerEnrollment.id } })).toBe(0);

    const list = await caught(attendanceLoader({ request: getRequest("/", { cookie: w.cookies.facilitator }), params: { academyId: w.academy.id, sessionId: w.sessions[1]!.id }, context }));
    expect(list.data.summary).toMatchObject({ present: 1, late: 1, unmarked: 0 });
    expect(list.data.open).toBe(true);

    // a session five days ahead: no attendance yet, one tap or everyone at once — the page says from when
    const ahead = await prisma.workshopSession.create({ data: { academyId: w.academy.id, sequence: 5, startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 5 * DAY + 3 * 3600_000) } });
    const markAhead = (fields: Record<string, string>) => caught(attendanceAction({ request: urlencoded("/", { intent: "mark", ...fields }, w.cookies.facilitator), params: { academyId: w.academy.id, sessionId: ahead.id }, context }));
    const early = await markAhead({ enrollmentId: ea.id, status: "present" });
    expect(early.status).toBe(400);
    expect(early.data.reason).toBe("attendance.notYet");
    expect((await markAhead({ intent: "restPresent" })).data.reason).toBe("attendance.notYet");
    expect(await prisma.attendance.count({ where: { sessionId: ahead.id } })).toBe(0);
    expect((await caught(attendanceLoader({ request: getRequest("/", { cookie: w.cookies.facilitator }), params: { academyId: w.academy.id, sessionId: ahead.id }, context }))).data.open).toBe(false);
    await prisma.workshopSession.delete({ where: { id: ahead.id } });

    // completion: 3 of 4 sessions and the pre-learning
    const completion = async () => (await caught(completionLoader({ request: getRequest("/", { cookie: w.cookies.facilitator }), params: { academyId: w.academy.id }, context }))).data;
    await attachCurriculum(null, w.academy.id);
    const pre = await prisma.stage.findFirstOrThrow({ where: { academyId: w.academy.id, key: "prelearning" } });
    await releaseStageNow(w.users.coordinator.id, w.academy.id, pre.id);
    let c = await completion();
    expect(c.people.map((p: { completed: boolean }) => p.completed)).toEqual([false, false]); // pre-learning not done
    const items = await prisma.academyMaterial.findMany({ where: { academyId: w.academy.id, releaseAt: { lte: new Date() }, material: { stageKey: "prelearning", audience: "participant" } } });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      await setCompletion(w.users.a.id, w.academy.id, item.materialId, true);
      await setCompletion(w.users.b.id, w.academy.id, item.materialId, true);
    }
    c = await completion();
    expect(c.people.map((p: { attended: number; completed: boolean }) => [p.attended, p.completed])).toEqual([
      [4, true],
      [3, true],
    ]);
    // the coordinator makes the rule stricter: B no longer counts
    expect((await caught(completionAction({ request: urlencoded("/", { minSessions: "4", preLearning: "on" }, w.cookies.coordinator), params: { academyId: w.academy.id }, context }))).status).toBe(302);
    c = await completion();
    expect(c.completed).toBe(1);
    // a facilitator may read but not change the rule; nonsense is refused with the value kept
    expect((await caught(completionAction({ request: urlencoded("/", { minSessions: "2" }, w.cookies.facilitator), params: { academyId: w.academy.id }, context }))).status).toBe(403);
    const bad = await caught(completionAction({ request: urlencoded("/", { minSessions: "abc" }, w.cookies.coordinator), params: { academyId: w.academy.id }, context }));
    expect(bad.status).toBe(400);
    expect(bad.data.values.minSessions).toBe("abc");
    expect((await prisma.academy.findUniqueOrThrow({ where: { id: w.academy.id } })).completionMinSessions).toBe(4);
  });

  it("shows the session page to the academy's participants, with attendance only for staff", async () => {
    const w = await world();
    const params = { academyId: w.academy.id, sessionId: w.sessions[0]!.id };
    const member = await caught(roomLoader({ request: getRequest("/", { cookie: w.cookies.a }), params, context }));
    expect(member.status).toBe(200);
    expect(member.data.attendance).toBeNull();
    expect(member.data.session.sequence).toBe(1);
    const staff = await caught(roomLoader({ request: getRequest("/", { cookie: w.cookies.facilitator }), params, context }));
    expect(staff.data.attendance).toMatchObject({ unmarked: 2 });
  });
});

describe("surveys", () => {
  it("takes one answer per person, refuses the rest and charts the means", async () => {
    const w = await world();
    const answer = (who: "a" | "b", survey: string, fields: Record<string, string>) =>
      caught(surveyAction({ request: urlencoded("/", fields, w.cookies[who]), params: { academyId: w.academy.id, survey }, context }));
    const skills = (n: number) => Object.fromEntries(["problem_structuring", "data_collection", "data_preparation", "analysis", "visualisation", "policy_proposal", "personal_information"].map((k) => [k, String(n)]));
    // the pre-course survey closed when session 1 ended; the post one is open
    expect((await answer("a", "skills-pre", skills(2))).data.reason).toBe("survey.error.closed");
    expect((await answer("a", "skills-post", skills(4))).status).toBe(302);
    expect((await answer("b", "skills-post", skills(5))).status).toBe(302);
    // double submission: refused, one answer kept
    const again = await answer("a", "skills-post", skills(1));
    expect(again.data.reason).toBe("survey.error.already");
    expect(await prisma.surveyResponse.count({ where: { userId: w.users.a.id, kind: "skills_post" } })).toBe(1);
    // an item left out, a 6: refused, what was typed kept
    const missing = await answer("a", `session-${w.sessions[0]!.id}`, { overall: "6", comment: "良かった" });
    expect(missing.status).toBe(400);
    expect(missing.data.fieldErrors).toMatchObject({ overall: "survey.error.answerEach", usefulness: "survey.error.answerEach" });
    expect(missing.data.values.comment).toBe("良かった");
    expect((await answer("a", `session-${w.sessions[0]!.id}`, { overall: "4", usefulness: "5", comment: "地区別の集計が役に立った" })).status).toBe(302);
    // a session of another academy is no survey here
    const other = await prisma.workshopSession.create({ data: { academyId: (await prisma.academy.findFirstOrThrow({ where: { id: { not: w.academy.id } } })).id, sequence: 9, startsAt: new Date(), endsAt: new Date() } });
    expect((await answer("a", `session-${other.id}`, { overall: "4", usefulness: "4" })).status).toBe(404);

    const resultsFor = async (who: "facilitator" | "coordinator") =>
      (await caught(surveysLoader({ request: getRequest("/", { cookie: w.cookies[who] }), params: { academyId: w.academy.id }, context }))).data.results;
    const results = await resultsFor("facilitator");
    // anonymous by default, and too few answers to stay anonymous: counts only, no means, no
    // comment — and the page names what is held back and why
    expect(results.nPost).toBe(2);
    expect(results.rates.find((r: { kind: string }) => r.kind === "skills_post")).toMatchObject({ n: 2, rate: 1 });
    expect(results.skills.find((s: { item: string }) => s.item === "analysis")).toEqual({ item: "analysis", pre: null, post: null });
    expect(results.satisfaction[0]).toMatchObject({ sequence: 1, n: 1, overall: null, usefulness: null });
    expect(results.comments).toEqual([]);
    // in the order of the academy's surveys
    expect(results.withheld).toEqual([
      { kind: "satisfaction", sequence: 1, n: 1 },
      { kind: "skills_post", sequence: null, n: 2 },
    ]);
    // a third answer: the after-course means show, still without names
    const c = await createUser("participant");
    await prisma.enrollment.create({ data: { academyId: w.academy.id, userId: c.id, role: "participant", status: "active" } });
    await prisma.surveyResponse.create({ data: { academyId: w.academy.id, userId: c.id, kind: "skills_post", surveyKey: "skills_post", answers: JSON.stringify(skills(3)), comment: "" } });
    const three = await resultsFor("facilitator");
    expect(three.skills.find((s: { item: string }) => s.item === "analysis")).toEqual({ item: "analysis", pre: null, post: 4 });
    expect(three.withheld).toEqual([{ kind: "satisfaction", sequence: 1, n: 1 }]);
    // the coordinator may show names; then nothing is held back
    expect((await caught(surveysAction({ request: urlencoded("/", { anonymous: "" }, w.cookies.facilitator), params: { academyId: w.academy.id }, context }))).status).toBe(403);
    await caught(surveysAction({ request: urlencoded("/", { anonymous: "" }, w.cookies.coordinator), params: { academyId: w.academy.id }, context }));
    const named = await resultsFor("facilitator");
    expect(named.satisfaction[0]).toMatchObject({ sequence: 1, n: 1, overall: 4, usefulness: 5 });
    expect(named.withheld).toEqual([]);
    expect(named.comments[0]).toMatchObject({ comment: "地区別の集計が役に立った", name: w.users.a.displayName });
    // participants get their list, never the results
    const mine = (await caught(surveysLoader({ request: getRequest("/", { cookie: w.cookies.a }), params: { academyId: w.academy.id }, context }))).data;
    expect(mine.results).toBeNull();
    expect(mine.list.find((s: { kind: string }) => s.kind === "skills_post").answeredAt).not.toBeNull();
  });
});

describe("outcome follow-up", () => {
  it("records what became of a proposal, audited; refuses a bad status, a bad link and another academy's team", async () => {
    const w = await world();
    const team = await prisma.team.findFirstOrThrow({ where: { academyId: w.academy.id } });
    const post = (fields: Record<string, string>, who: keyof typeof w.cookies = "coordinator") =>
      caught(outcomesAction({ request: urlencoded("/", fields, w.cookies[who]), params: { academyId: w.academy.id }, context }));
    expect((await post({ teamId: team.id, monthsAfter: "3", status: "budgeted", note: "予算要求に入った", url: "https://city.example.lg.jp/budget" })).status).toBe(302);
    expect((await post({ teamId: team.id, monthsAfter: "3", status: "adopted_policy", note: "採用" })).status).toBe(302);
    expect(await prisma.proposalOutcome.count({ where: { teamId: team.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: { startsWith: "outcome." }, entityId: team.id } })).toBe(2);
    const bad = await post({ teamId: team.id, monthsAfter: "6", status: "", url: "javascript:alert(1)", note: "メモ" });
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors).toMatchObject({ status: "outcome.error.status", url: "validation.url" });
    expect(bad.data.values.note).toBe("メモ");
    expect((await post({ teamId: team.id, monthsAfter: "5", status: "budgeted" })).status).toBe(400);
    const foreignTeam = await createTeam((await prisma.academy.findFirstOrThrow({ where: { id: { not: w.academy.id } } })).id, "別のチーム", []);
    expect((await post({ teamId: foreignTeam.id, monthsAfter: "3", status: "budgeted" })).data.reason).toBe("outcome.error.unknownTeam");
    expect((await post({ teamId: team.id, monthsAfter: "6", status: "budgeted" }, "facilitator")).status).toBe(403);
    expect(await prisma.proposalOutcome.count()).toBe(1);
    const page = (await caught(outcomesLoader({ request: getRequest("/", { cookie: w.cookies.facilitator }), params: { academyId: w.academy.id }, context }))).data;
    expect(page.teams[0].outcomes[3]).toMatchObject({ status: "adopted_policy", note: "採用" });
    expect(page.due[12]).not.toBeNull();
  });
});
