import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";
import { ACADEMY_ROLES, ENROLLMENT_STATUSES, type AcademyRole } from "~/modules/account/permissions";
import { getTeam } from "~/modules/team/team-page.server";
import { createAcademy, createRegion, createTeam, createUser, enroll } from "../../../tests/support/factories";
import { getRequest, sessionCookieFor } from "../../../tests/support/requests";
import { academyTeams } from "./academy-page.server";
import { loadAcademyContext } from "./context.server";
import { teamScopeIn, teamScopeSqlIn } from "./scope.server";

// Which teams of an academy a person sees is one rule (teamScopeIn, with its SQL twin
// teamScopeSqlIn). For random people — a global role or none, any enrollment role and status,
// member of either team or not — the academy page lists exactly the teams whose page opens, and
// the Prisma and SQL counts agree with it. On the suite's database (SQLite or PostgreSQL).

describe("the team scope, one rule for the academy page, the team page and counts", () => {
  it("every team listed opens, every team that opens is listed, and both counts agree", async () => {
    const region = await createRegion("播磨圏域", ["282014"]);
    const academy = await createAcademy({ regionId: region.id });
    const teams = [await createTeam(academy.id, "健康チーム", []), await createTeam(academy.id, "防災チーム", [])];
    const teamIds = teams.map((t) => t.id).sort();

    const person = fc.record({
      global: fc.constantFrom<"participant" | "coordinator">("participant", "participant", "participant", "coordinator"),
      enrollment: fc.option(fc.record({ role: fc.constantFrom<AcademyRole>(...ACADEMY_ROLES), status: fc.constantFrom(...ENROLLMENT_STATUSES) }), { nil: null }),
      memberOf: fc.subarray([0, 1]),
    });

    await fc.assert(
      fc.asyncProperty(person, async ({ global, enrollment, memberOf }) => {
        const user = await createUser(global);
        try {
          if (enrollment) {
            const e = await enroll(academy.id, user.id, enrollment.role, enrollment.status);
            for (const i of memberOf) await prisma.teamMember.create({ data: { teamId: teams[i]!.id, enrollmentId: e.id, teamRole: "other" } });
          }
          const sessionUser = (await getSessionUser(getRequest("/", { cookie: await sessionCookieFor(user.id) })))!;
          const context = await loadAcademyContext(sessionUser, academy.id);
          if (!context) {
            // the academy itself is out of sight: no enrollment that counts and no global right
            expect(global === "coordinator" || (enrollment && enrollment.status !== "withdrawn")).toBeFalsy();
            return;
          }
          const listed = (await academyTeams(context)).map((t) => t.id).sort();
          const opens = [];
          for (const id of teamIds) if (await getTeam(context, id)) opens.push(id);
          const prismaCount = await prisma.team.count({ where: teamScopeIn(context) });
          const scopeSql = teamScopeSqlIn(context);
          const [counted] = scopeSql ? await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "Team" t WHERE ${scopeSql}` : [{ n: 0 }];

          expect(opens).toEqual(listed);
          expect(prismaCount).toBe(listed.length);
          expect(Number(counted!.n)).toBe(listed.length);
          const expected = context.can.seeAllTeams ? teamIds : context.can.seeOwnTeam && enrollment ? memberOf.map((i) => teams[i]!.id).sort() : [];
          expect(listed).toEqual(expected);
        } finally {
          await prisma.session.deleteMany({ where: { userId: user.id } });
          await prisma.enrollment.deleteMany({ where: { userId: user.id } });
          await prisma.user.delete({ where: { id: user.id } });
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
