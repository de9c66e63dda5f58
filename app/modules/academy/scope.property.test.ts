import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma, Prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { ACADEMY_ROLES, ENROLLMENT_STATUSES, type AcademyRole } from "~/modules/account/permissions";
import { createAcademy, createRegion, createUser, enroll } from "../../../tests/support/factories";
import { getRequest, sessionCookieFor } from "../../../tests/support/requests";
import { listAcademies } from "./academy.server";
import { loadAcademyContext } from "./context.server";
import { coordinatorStats } from "./dashboard.server";
import { academyScopeSql, canSeeAcademy } from "./scope.server";

// Who may see which academy is one rule (scope.server.ts). For random people — any global role,
// any enrollment role and status in each of four academies — every academy the list shows opens,
// every academy that opens is in the list, and the counts (the list's total, the raw-SQL scope
// used by the dashboards, the year's figures) equal what the list shows. Runs on the suite's
// database (SQLite, or PostgreSQL with npm run test:pg).

const FISCAL_YEAR = 2026;

describe("the academy scope, one rule for lists, pages and counts", () => {
  it("every academy listed opens, every academy that opens is listed, and every count agrees", async () => {
    const academies: { id: string }[] = [];
    for (const [i, code] of ["282014", "131016", "434825", "401307"].entries()) {
      const region = await createRegion(`圏域${i}`, [code]);
      academies.push(await createAcademy({ regionId: region.id, fiscalYear: FISCAL_YEAR, name: `アカデミー${i}` }));
    }
    const ids = academies.map((a) => a.id).sort();

    const person = fc.record({
      global: fc.constantFrom<"participant" | "coordinator" | "admin">("participant", "participant", "coordinator", "admin"),
      enrollments: fc.array(fc.option(fc.record({ role: fc.constantFrom<AcademyRole>(...ACADEMY_ROLES), status: fc.constantFrom(...ENROLLMENT_STATUSES) }), { nil: null }), {
        minLength: 4,
        maxLength: 4,
      }),
    });

    await fc.assert(
      fc.asyncProperty(person, async ({ global, enrollments }) => {
        // "participant" here: no global role at all
        const user = await createUser(global);
        try {
          for (const [i, e] of enrollments.entries()) if (e) await enroll(academies[i]!.id, user.id, e.role, e.status);
          const sessionUser = (await getSessionUser(getRequest("/academies", { cookie: await sessionCookieFor(user.id) })))!;

          const listed = await listAcademies(sessionUser, {}, 1);
          const listedIds = listed.academies.map((a) => a.id).sort();
          const opens = [];
          for (const id of ids) if (await loadAcademyContext(sessionUser, id)) opens.push(id);
          const named = ids.filter((id) => canSeeAcademy(sessionUser, id));
          const [counted] = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "Academy" a WHERE ${academyScopeSql(sessionUser, Prisma.sql`a."id"`)}`;
          const stats = await coordinatorStats(sessionUser, FISCAL_YEAR);
          const yearTotal = Object.values(stats.byStatus).reduce((sum, n) => sum + n, 0);

          expect(opens).toEqual(listedIds);
          expect(named).toEqual(listedIds);
          expect(listed.total).toBe(listedIds.length);
          expect(Number(counted!.n)).toBe(listedIds.length);
          expect(yearTotal).toBe(listedIds.length);
          // and the rule itself: everything for a programme coordinator, else where enrolled and not withdrawn
          const expected = global === "coordinator" ? ids : ids.filter((_, i) => enrollments[i] && enrollments[i]!.status !== "withdrawn");
          expect(listedIds).toEqual([...expected].sort());
        } finally {
          await prisma.session.deleteMany({ where: { userId: user.id } });
          await prisma.enrollment.deleteMany({ where: { userId: user.id } });
          await prisma.user.delete({ where: { id: user.id } });
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
