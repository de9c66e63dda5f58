import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { loader } from "./reviews";
import { createAcademy, createRegion, createTeam, createUser } from "../../tests/support/factories";
import { caught, context, getRequest, sessionCookieFor } from "../../tests/support/requests";

const queue = async (cookie: string, query = "") => (await caught(loader({ request: getRequest(`/reviews${query}`, { cookie }), params: {}, context }))).data;

describe("the review queue", () => {
  it("counts every waiting submission, also on a page past the end, and pages them 25 at a time", async () => {
    const facilitator = await createUser("facilitator");
    const academy = await createAcademy({ regionId: (await createRegion("播磨圏域", ["282014"])).id, facilitatorIds: [facilitator.id] });
    const stage = await prisma.stage.findFirstOrThrow({ where: { academyId: academy.id, key: "problem_definition" } });
    for (let i = 0; i < 27; i++) {
      const team = await createTeam(academy.id, `チーム${String(i).padStart(2, "0")}`, [(await createUser("participant")).id]);
      await prisma.deliverable.create({ data: { teamId: team.id, stageId: stage.id, status: i === 26 ? "draft" : "submitted", latestVersion: 1, submittedAt: new Date(Date.now() - (30 - i) * 3600_000) } });
    }
    const cookie = await sessionCookieFor(facilitator.id);
    const first = await queue(cookie);
    expect(first).toMatchObject({ total: 26, pages: 2, page: 1 });
    expect(first.rows).toHaveLength(25);
    const second = await queue(cookie, "?page=2");
    expect(second.rows).toHaveLength(1);
    expect(second.total).toBe(26);
    const beyond = await queue(cookie, "?page=9");
    expect(beyond.rows).toEqual([]);
    expect(beyond).toMatchObject({ total: 26, pages: 2 });
    // a page that is not a whole number is the first page, not a failure
    for (const odd of ["?page=1.5", "?page=-1", "?page=1e9", "?page=abc"]) expect(await queue(cookie, odd), odd).toMatchObject({ page: 1, total: 26 });
    // someone else's academy: nothing waits for them
    const other = await createUser("facilitator");
    await createAcademy({ regionId: (await createRegion("福岡市圏域", ["401307"])).id, facilitatorIds: [other.id] });
    expect(await queue(await sessionCookieFor(other.id))).toMatchObject({ total: 0, rows: [] });
  });
});
