import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fiscalYearOf } from "~/utils/dates";
import { loader } from "./dashboard";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

// The first screens lead to the next action: 要対応 on top, reviews, teams at risk, charts
// with their numbers — each for the academies the person looks after.

const DAY = 86_400_000;

async function world() {
  const now = Date.now();
  const fy = fiscalYearOf(new Date());
  const facilitator = await createUser("facilitator");
  const stranger = await createUser("facilitator");
  const running = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, fiscalYear: fy, name: "播磨アカデミー", facilitatorIds: [facilitator.id], sessionStarts: [-30, -16, 5, 19].map((d) => new Date(now + d * DAY)) });
  const recruiting = await createAcademy({ regionId: (await createRegion("福岡市圏域", ["401307"])).id, fiscalYear: fy, name: "福岡アカデミー", facilitatorIds: [stranger.id], sessionStarts: [new Date(now + 20 * DAY)] });
  await prisma.academy.update({ where: { id: running.id }, data: { status: "running" } });
  await prisma.academy.update({ where: { id: recruiting.id }, data: { status: "recruiting" } });
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: running.id }, orderBy: { sequence: "asc" } });
  // session 3: a facilitator and a venue; session 4: neither
  await prisma.workshopSession.update({ where: { id: sessions[2]!.id }, data: { venueName: "姫路市役所", facilitators: { create: { userId: facilitator.id } } } });
  const member = await createUser("participant");
  const team = await createTeam(running.id, "受診率向上チーム", [member.id, (await createUser("participant")).id]);
  await prisma.team.update({ where: { id: team.id }, data: { createdAt: new Date(now - 40 * DAY) } });
  await createTeam(running.id, "遅れチーム", [(await createUser("participant")).id]);
  const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: running.id, key: "problem_definition" } });
  await prisma.deliverable.create({ data: { teamId: team.id, stageId: stage.id, status: "submitted", latestVersion: 1, submittedAt: new Date(now - 20 * DAY), updatedAt: new Date(now - 20 * DAY) } });
  // attendance at session 1: 2 of 3 attended
  const enrollments = await prisma.enrollment.findMany({ where: { academyId: running.id, role: "participant" }, orderBy: { id: "asc" } });
  await prisma.attendance.createMany({ data: enrollments.map((e, i) => ({ sessionId: sessions[0]!.id, enrollmentId: e.id, status: i === 0 ? "absent" : i === 1 ? "late" : "present" })) });
  // an invitation unanswered for 8 days, another sent yesterday
  const invitee = await createUser("participant", { password: null });
  await enroll(running.id, invitee.id, "participant", "invited");
  await prisma.invitation.create({ data: { userId: invitee.id, academyId: running.id, tokenHash: "h1", expiresAt: new Date(now + 7 * DAY), createdAt: new Date(now - 8 * DAY) } });
  const fresh = await createUser("participant", { password: null });
  await prisma.invitation.create({ data: { userId: fresh.id, academyId: running.id, tokenHash: "h2", expiresAt: new Date(now + 13 * DAY), createdAt: new Date(now - DAY) } });
  // a material released in three days
  const material = await prisma.material.create({ data: { key: "test-material", stageKey: "analysis", audience: "participant", kind: "link", origin: "upload", title: "分析の手引き" } });
  await prisma.academyMaterial.create({ data: { academyId: running.id, materialId: material.id, releaseAt: new Date(now + 3 * DAY) } });
  await prisma.proposalOutcome.create({ data: { teamId: team.id, monthsAfter: 3, status: "budgeted" } });
  return {
    running,
    recruiting,
    sessions,
    coordinator: await sessionCookieFor((await createUser("coordinator")).id),
    asFacilitator: await sessionCookieFor(facilitator.id),
    asStranger: await sessionCookieFor(stranger.id),
    asMember: await sessionCookieFor(member.id),
  };
}

const dashboard = async (cookie: string, query = "") => (await caught(loader({ request: getRequest(`/dashboard${query}`, { cookie }), params: {}, context }))).data;
const kinds = (items: { kind: string; academyName: string; sequence: number | null }[]) => items.map((i) => `${i.kind}:${i.academyName}${i.sequence ? `#${i.sequence}` : ""}`).sort();

describe("the coordinator's first screen", () => {
  it("lists what needs doing, each item pointing at its academy or session", async () => {
    const w = await world();
    const { coordinator } = await dashboard(w.coordinator);
    expect(kinds(coordinator.attention)).toEqual(
      [
        "invitationUnanswered:播磨アカデミー",
        "recruitingNoTeams:福岡アカデミー",
        "releaseThisWeek:播磨アカデミー",
        "sessionNoFacilitator:播磨アカデミー#4",
        "sessionNoFacilitator:福岡アカデミー#1",
        "sessionNoVenue:播磨アカデミー#4",
        "sessionNoVenue:福岡アカデミー#1",
      ].sort(),
    );
    const invitations = coordinator.attention.find((i: { kind: string }) => i.kind === "invitationUnanswered");
    expect(invitations.n).toBe(1);
    // both teams are overdue on their problem definition... one of them handed it in and waits for review
    expect(coordinator.counts).toMatchObject({ reviews: 1, overdue: 1 });
    expect(coordinator.counts.stalled).toBe(1);
    expect(coordinator.academies[0]).toHaveProperty("nextSession.id");
  });

  it("charts the year with numbers counted by the database", async () => {
    const w = await world();
    const { coordinator } = await dashboard(w.coordinator);
    const { figures, byStage, byStatus } = coordinator.charts;
    expect(byStatus).toMatchObject({ running: 1, recruiting: 1 });
    // one team still owes its problem definition; the other handed it in and works on the data (its current stage)
    expect(byStage).toMatchObject({ problem_definition: 1, data_collection: 1 });
    expect(figures.attendance).toEqual([{ sequence: 1, recorded: 3, attended: 2, rate: 2 / 3 }]);
    const planned = figures.sessionsByMonth.reduce((s: number, m: { planned: number }) => s + m.planned, 0);
    const held = figures.sessionsByMonth.reduce((s: number, m: { held: number }) => s + m.held, 0);
    // counted in JavaScript from the same rows: the sessions starting in this fiscal year (Tokyo)
    const thisYear = (await prisma.workshopSession.findMany({ select: { startsAt: true, endsAt: true } })).filter((s) => fiscalYearOf(s.startsAt) === fiscalYearOf(new Date()));
    expect(planned).toBe(thisYear.length);
    expect(held).toBe(thisYear.filter((s) => s.endsAt.getTime() <= Date.now()).length);
    expect(figures.outcomes.find((o: { status: string }) => o.status === "budgeted").teams).toBe(1);
    expect(figures.sessionsByMonth.map((m: { month: string }) => m.month.slice(5))).toEqual(["04", "05", "06", "07", "08", "09", "10", "11", "12", "01", "02", "03"]);
    // a year without data charts zeros, not an error
    const earlier = await dashboard(w.coordinator, `?fy=${fiscalYearOf(new Date()) - 3}`);
    expect(earlier.coordinator.charts.figures.attendance).toEqual([]);
    expect((await dashboard(w.coordinator, "?fy=drop table")).coordinator.charts.fiscalYear).toBe(fiscalYearOf(new Date()));
  });
});

describe("the facilitator's first screen", () => {
  it("shows their review queue, teams at risk and only their academies' to-dos", async () => {
    const w = await world();
    const { staff, coordinator } = await dashboard(w.asFacilitator);
    expect(coordinator).toBeNull();
    expect(staff.reviews.total).toBe(1);
    expect(staff.reviews.rows[0]).toMatchObject({ teamName: "受診率向上チーム", academyId: w.running.id });
    expect(staff.atRisk.map((t: { name: string }) => t.name).sort()).toEqual(["受診率向上チーム", "遅れチーム"].sort());
    expect(kinds(staff.attention).every((k) => k.includes("播磨"))).toBe(true);
    const other = await dashboard(w.asStranger);
    expect(other.staff.reviews.total).toBe(0);
    expect(other.staff.atRisk).toEqual([]);
    expect(kinds(other.staff.attention).every((k) => k.includes("福岡"))).toBe(true);
    // a participant gets their teams, nothing of the staff's screen
    const member = await dashboard(w.asMember);
    expect(member.staff).toBeNull();
    expect(member.participant.teams).toHaveLength(1);
  });
});
