import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { seedDemo } from "./demo";

// The demo data is what a new installation shows first: it keeps the rules the app enforces.

describe("the demo data", () => {
  it("keeps every retrospective board's vote budget and per-group limit", async () => {
    await seedDemo(prisma as never);
    const boards = await prisma.retrospective.findMany({ select: { id: true, voteBudget: true, maxVotesPerGroup: true, votes: { select: { userId: true, groupId: true } } } });
    expect(boards.length).toBeGreaterThan(0);
    expect(boards.some((b) => b.votes.length > 0)).toBe(true);
    for (const board of boards) {
      const perPerson = new Map<string, number>();
      const perGroup = new Map<string, number>();
      for (const v of board.votes) {
        perPerson.set(v.userId, (perPerson.get(v.userId) ?? 0) + 1);
        perGroup.set(`${v.userId} ${v.groupId}`, (perGroup.get(`${v.userId} ${v.groupId}`) ?? 0) + 1);
      }
      expect(Math.max(0, ...perPerson.values())).toBeLessThanOrEqual(board.voteBudget);
      expect(Math.max(0, ...perGroup.values())).toBeLessThanOrEqual(board.maxVotesPerGroup);
    }
  }, 120_000);
});
