import { describe, expect, it } from "vitest";
import { prisma, databaseProvider } from "~/utils/db.server";
import { createPrismaClient } from "~/utils/db-client.server";
import { env } from "~/utils/env.server";
import { forgetKeptReads } from "~/utils/read-cache.server";
import { fromTokyo } from "~/utils/dates";
import { createAcademy, createRegion, createTeam, createUser } from "../../../tests/support/factories";
import { academiesCounted, FACT_TABLES } from "./facts.server";
import { kpiReport } from "./report.server";

// The KPI report after a write counts again only the academy written to (decision 0021): the
// database gives that academy a new revision, whoever wrote (this process, another one, a raw
// statement), and a rolled-back write leaves the revision — and the kept facts — as they were.

const NOW = fromTokyo(2026, 11, 24, 12, 0);
const fy2025 = { fiscalYear: 2025, quarter: null, groupBy: "municipality" } as const;

/** Two finished FY2025 academies (one region each) of three sessions, one participant each (one in 姫路, one in 加古川), none attended yet. */
async function twoAcademies() {
  const starts = [fromTokyo(2025, 9, 10, 13), fromTokyo(2025, 9, 24, 13), fromTokyo(2025, 10, 8, 13)];
  const made = [];
  for (const code of ["282014", "282103"]) {
    const region = await createRegion(`圏域${code}`, [code]);
    const academy = await createAcademy({ regionId: region.id, fiscalYear: 2025, sessionStarts: starts });
    await prisma.academy.update({ where: { id: academy.id }, data: { completionPreLearning: false } });
    const person = await createUser("participant");
    const team = await createTeam(academy.id, `チーム${code}`, [person.id]);
    const enrollment = await prisma.enrollment.update({ where: { academyId_userId: { academyId: academy.id, userId: person.id } }, data: { municipalityCode: code } });
    const sessions = await prisma.workshopSession.findMany({ where: { academyId: academy.id }, orderBy: { sequence: "asc" } });
    made.push({ academy, enrollment, sessions, team });
  }
  return made;
}

const trainedIn = async (label: string, now = NOW) => (await kpiReport(fy2025, now)).rows.find((r) => r.label === label)?.current.trained ?? 0;

describe("KPI facts kept per academy", () => {
  it("counts again only the academy whose attendance was recorded", async () => {
    const [himeji] = await twoAcademies();
    expect(await trainedIn("姫路市")).toBe(0);
    const counted = academiesCounted();
    // three sessions attended: trained under the academy's rule (3 of 3)
    for (const s of himeji!.sessions) await prisma.attendance.create({ data: { sessionId: s.id, enrollmentId: himeji!.enrollment.id, status: "present" } });
    expect(await trainedIn("姫路市")).toBe(1);
    expect(await trainedIn("加古川市")).toBe(0);
    expect(academiesCounted() - counted).toBe(1);
    // read again, nothing written: nothing counted
    await kpiReport(fy2025, NOW);
    expect(academiesCounted() - counted).toBe(1);
  });

  it("sees a write made on another connection, one the app was not told of, by the academy's revision", async () => {
    const [, kakogawa] = await twoAcademies();
    expect((await kpiReport({ ...fy2025, groupBy: "prefecture" }, NOW)).total.teams).toBe(2);
    const counted = academiesCounted();
    const other = createPrismaClient(env().databaseUrl);
    try {
      // the team of 加古川 placed in 姫路 by another process (its change message lost)
      await other.teamMunicipality.create({ data: { teamId: kakogawa!.team.id, municipalityCode: "282014" } });
    } finally {
      await other.$disconnect();
    }
    // what a process does when it may have missed messages (change-bus.server.ts: resync)
    forgetKeptReads();
    const byCity = await kpiReport(fy2025, NOW);
    expect(byCity.rows.find((r) => r.label === "姫路市")?.current.teams).toBe(1);
    expect(academiesCounted() - counted).toBe(1);
  });

  it("leaves the facts as they were when a write is rolled back", async () => {
    const [himeji] = await twoAcademies();
    for (const s of himeji!.sessions) await prisma.attendance.create({ data: { sessionId: s.id, enrollmentId: himeji!.enrollment.id, status: "present" } });
    expect(await trainedIn("姫路市")).toBe(1);
    const counted = academiesCounted();
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.attendance.updateMany({ where: { enrollmentId: himeji!.enrollment.id }, data: { status: "absent" } });
        throw new Error("halfway");
      }),
    ).rejects.toThrow("halfway");
    expect(await trainedIn("姫路市")).toBe(1);
    // the revision came back with the rollback: the kept facts still hold
    expect(academiesCounted() - counted).toBe(0);
  });

  it("counts an academy again when a pre-learning item it asks for is released", async () => {
    const [himeji] = await twoAcademies();
    const academyId = himeji!.academy.id;
    await prisma.academy.update({ where: { id: academyId }, data: { completionPreLearning: true } });
    for (const s of himeji!.sessions) await prisma.attendance.create({ data: { sessionId: s.id, enrollmentId: himeji!.enrollment.id, status: "present" } });
    const material = await prisma.material.create({ data: { key: `kpi-facts-${academyId}`, stageKey: "prelearning", audience: "participant", kind: "text", origin: "custom", title: "事前学習" } });
    // released on 1 December 2026, after NOW; not completed by the participant
    await prisma.academyMaterial.create({ data: { academyId, materialId: material.id, releaseMode: "absolute", releaseAt: fromTokyo(2026, 12, 1, 9) } });
    expect(await trainedIn("姫路市", NOW)).toBe(1);
    const counted = academiesCounted();
    // a week later the item is out: not trained any more (the rule asks for released pre-learning)
    const later = fromTokyo(2026, 12, 8, 9);
    expect(await trainedIn("姫路市", later)).toBe(0);
    expect(academiesCounted() - counted).toBe(1);
  });

  it("every table the facts are counted from moves the academy's revision (a trigger per write)", async () => {
    const triggers =
      databaseProvider() === "postgresql"
        ? await prisma.$queryRaw<{ name: string }[]>`SELECT tgname::text AS "name" FROM pg_trigger WHERE NOT tgisinternal`
        : await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'trigger'`;
    const names = new Set(triggers.map((t) => t.name));
    // a table read only by name changes (Material's kind, a municipality's prefecture) is written
    // rarely, and its inserts change no academy's facts
    const ops: Record<string, string[]> = { Material: ["update", "delete"], Municipality: ["update"] };
    for (const table of FACT_TABLES) {
      for (const op of ops[table] ?? ["insert", "update", "delete"]) expect(names, `${table} ${op}`).toContain(`AcademyRevision_${table}_${op}`);
    }
  });
});
