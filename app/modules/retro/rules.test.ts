import { describe, expect, it } from "vitest";
import { byVotes, cardsRevealed, promptsFor, voteRefusal } from "./rules";

describe("retrospective rules", () => {
  it("offers KPT, Start/Stop/Continue, 4Ls and custom prompts", () => {
    expect(promptsFor("kpt").map((p) => p.key)).toEqual(["keep", "problem", "try"]);
    expect(promptsFor("ssc").map((p) => p.key)).toEqual(["start", "stop", "continue"]);
    expect(promptsFor("4ls")).toHaveLength(4);
    expect(promptsFor("custom", ["良かった", "次に試す"])).toEqual([
      { key: "p1", label: "良かった" },
      { key: "p2", label: "次に試す" },
    ]);
  });

  it("hides others' cards until the reflect phase ends", () => {
    expect(cardsRevealed("review")).toBe(false);
    expect(cardsRevealed("reflect")).toBe(false);
    expect(cardsRevealed("group")).toBe(true);
    expect(cardsRevealed("closed")).toBe(true);
  });

  it("refuses votes beyond the budget or the maximum per group", () => {
    expect(voteRefusal({ budget: 3, maxPerGroup: 2, used: 2, onGroup: 1 })).toBeNull();
    expect(voteRefusal({ budget: 3, maxPerGroup: 2, used: 3, onGroup: 0 })).toBe("retro.error.budgetSpent");
    expect(voteRefusal({ budget: 3, maxPerGroup: 2, used: 2, onGroup: 2 })).toBe("retro.error.groupMax");
  });

  it("orders groups by votes, ties by position", () => {
    const groups = [
      { id: "a", votes: 1, position: 0 },
      { id: "b", votes: 4, position: 1 },
      { id: "c", votes: 1, position: 2 },
      { id: "d", votes: 4, position: 3 },
    ];
    expect(byVotes(groups).map((g) => g.id)).toEqual(["b", "d", "a", "c"]);
  });
});
