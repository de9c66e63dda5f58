import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { fromTokyo } from "~/utils/dates";
import { academyCompletion } from "~/modules/attendance/attendance.server";
import { createAcademy, createRegion, createTeam, createUser } from "../../../tests/support/factories";
import { kpiReport } from "./report.server";

// The KPI definitions on a small programme: a finished FY2025 academy in 播磨 (two cities, one
// prefecture) and a FY2026 academy in 千代田区 still running.

const NOW = fromTokyo(2026, 11, 24, 12, 0);

async function world() {
  const harima = await createRegion("播磨圏域", ["282014", "282103"]);
  const chiyoda = await createRegion("千代田区", ["131016"]);
  // four sessions: September (Q2) and October (Q3) 2025
  const past = await createAcademy({
    regionId: harima.id,
    fiscalYear: 2025,
    sessionStarts: [fromTokyo(2025, 9, 10, 13), fromTokyo(2025, 9, 24, 13), fromTokyo(2025, 10, 8, 13), fromTokyo(2025, 10, 22, 13)],
  });
  const [himeji, kakogawa, late] = [await createUser("participant"), await createUser("participant"), await createUser("participant")];
  const team = await createTeam(past.id, "受診率向上チーム", [himeji.id, kakogawa.id, late.id]);
  await prisma.teamMunicipality.create({ data: { teamId: team.id, municipalityCode: "282014" } });
  const enrollments = await prisma.enrollment.findMany({ where: { academyId: past.id, role: "participant" }, orderBy: { createdAt: "asc" } });
  await prisma.enrollment.update({ where: { id: enrollments[0]!.id }, data: { municipalityCode: "282014" } });
  await prisma.enrollment.update({ where: { id: enrollments[1]!.id }, data: { municipalityCode: "282103" } });
  await prisma.enrollment.update({ where: { id: enrollments[2]!.id }, data: { municipalityCode: "282103", status: "withdrawn" } });
  const sessions = await prisma.workshopSession.findMany({ where: { academyId: past.id }, orderBy: { sequence: "asc" } });
  // 姫路: all four (one late) → trained; 加古川: two → not trained
  for (const [i, s] of sessions.entries()) {
    await prisma.attendance.create({ data: { sessionId: s.id, enrollmentId: enrollments[0]!.id, status: i === 1 ? "late" : "present" } });
    await prisma.attendance.create({ data: { sessionId: s.id, enrollmentId: enrollments[1]!.id, status: i < 2 ? "present" : "absent" } });
  }
  await prisma.proposalOutcome.create({ data: { teamId: team.id, monthsAfter: 3, status: "budgeted", createdAt: fromTokyo(2026, 1, 20) } });
  await prisma.proposalOutcome.create({ data: { teamId: team.id, monthsAfter: 6, status: "adopted_policy", createdAt: fromTokyo(2026, 4, 20) } });

  const current = await createAcademy({ regionId: chiyoda.id, fiscalYear: 2026, sessionStarts: [fromTokyo(2026, 11, 2, 13), fromTokyo(2026, 11, 16, 13), fromTokyo(2026, 11, 30, 13)] });
  const tokyo = await createUser("participant");
  await createTeam(current.id, "子育て支援チーム", [tokyo.id]);
  await prisma.enrollment.updateMany({ where: { academyId: current.id, role: "participant" }, data: { municipalityCode: "131016" } });
  return { past, current };
}

describe("the KPI report", () => {
  it("counts staff trained by the academy's completion rule, when the academy ends", async () => {
    const w = await world();
    const report = await kpiReport({ fiscalYear: 2025, quarter: null, groupBy: "prefecture" }, NOW);
    expect(report.rows.map((r) => r.label)).toEqual(["兵庫県"]);
    expect(report.total).toEqual({ trained: 1, participants: 2, teams: 1, sessionsHeld: 4, hours: 14, proposalsAdopted: 1 });
    // the same rule as the academy's completion page
    expect((await academyCompletion(w.past.id, NOW)).completed).toBe(1);
    // per city: the trained person is counted where they worked in that academy
    const byCity = await kpiReport({ fiscalYear: 2025, quarter: null, groupBy: "municipality" }, NOW);
    expect(byCity.rows.map((r) => [r.label, r.prefecture, r.current.trained, r.current.participants])).toEqual([
      ["姫路市", "兵庫県", 1, 1],
      ["加古川市", "兵庫県", 0, 1],
    ]);
    // a wide-area session counts once for the prefecture and once for each city of its region
    expect(byCity.rows.map((r) => r.current.sessionsHeld)).toEqual([4, 4]);
  });

  it("splits by quarter: sessions where they ended, training where the academy ended, proposals where first adopted", async () => {
    await world();
    const q2 = await kpiReport({ fiscalYear: 2025, quarter: 2, groupBy: "region" }, NOW);
    expect(q2.total).toMatchObject({ sessionsHeld: 2, hours: 7, trained: 0, participants: 2 });
    const q3 = await kpiReport({ fiscalYear: 2025, quarter: 3, groupBy: "region" }, NOW);
    expect(q3.total).toMatchObject({ sessionsHeld: 2, trained: 1 });
    const q4 = await kpiReport({ fiscalYear: 2025, quarter: 4, groupBy: "region" }, NOW);
    expect(q4.total).toMatchObject({ proposalsAdopted: 1, sessionsHeld: 0 });
    // FY2026 so far: two sessions of 千代田区 held, the third not yet; the adoption in April was not the first
    const fy2026 = await kpiReport({ fiscalYear: 2026, quarter: null, groupBy: "region" }, NOW);
    expect(fy2026.total).toMatchObject({ sessionsHeld: 2, participants: 1, trained: 0, proposalsAdopted: 0 });
    expect(fy2026.previousTotal).toMatchObject({ sessionsHeld: 4, trained: 1, proposalsAdopted: 1 });
    expect(fy2026.rows.find((r) => r.label === "播磨圏域")).toMatchObject({ current: { sessionsHeld: 0 }, previous: { sessionsHeld: 4 } });
  });
});
