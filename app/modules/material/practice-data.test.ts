import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { scanTable } from "~/modules/privacy/scan.server";
import { syncCatalogue } from "./catalogue-sync.server";
import { parseFrontMatter } from "./front-matter";

// The practice dataset and the handouts that walk through it (materials/): what a team meets
// when it practises the whole path on みらい町.

const DATASETS = path.resolve("materials/datasets");

describe("the practice dataset", () => {
  it("the aggregate tables pass the personal-information check", async () => {
    for (const file of ["miraicho-kenshin-chiku-nendai.csv", "miraicho-chiku-kaijo.csv"]) {
      const result = await scanTable(path.join(DATASETS, file), "csv");
      expect(result.status, file).toBe("clean");
    }
  });

  it("the aggregate has 3 fiscal years × 8 districts × 2 sexes × 7 age bands, with rates that add up", () => {
    const lines = fs.readFileSync(path.join(DATASETS, "miraicho-kenshin-chiku-nendai.csv"), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines).toHaveLength(1 + 3 * 8 * 2 * 7);
    for (const line of lines.slice(1)) {
      const [, , , , eligible, examined, rate] = line.split(",");
      expect(Number(examined)).toBeLessThanOrEqual(Number(eligible));
      expect(Math.abs((Number(examined) / Number(eligible)) * 100 - Number(rate))).toBeLessThan(0.06);
    }
  });

  it("the raw extract is flagged for names, addresses, phones and birth dates, and is not refused", async () => {
    const result = await scanTable(path.join(DATASETS, "miraicho-kenshin-kojin-chushutsu.csv"), "csv");
    expect(result.status).toBe("needs_confirmation");
    const headers = result.findings.filter((f) => f.kind === "header").map((f) => f.category);
    expect(headers).toEqual(expect.arrayContaining(["resident_id", "name", "birth", "address", "phone"]));
    expect(result.counts.phone).toBe(120);
    expect(result.counts.birth_date).toBeGreaterThan(0);
    expect((result.counts.postal_address ?? 0) + (result.counts.address ?? 0)).toBeGreaterThan(0);
  });

  it("is in the material catalogue, attached to the data stage", async () => {
    await syncCatalogue(prisma);
    const items = await prisma.material.findMany({ where: { key: { startsWith: "dataset-" } }, select: { stageKey: true, versions: { select: { fileName: true } } } });
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.stageKey === "data_collection")).toBe(true);
    expect(items.flatMap((i) => i.versions.map((v) => v.fileName)).every((n) => n.endsWith(".csv"))).toBe(true);
  });
});

describe("participant handouts", () => {
  const handouts = fs.readdirSync(path.resolve("materials/curriculum")).filter((f) => f.endsWith("-participant.md"));

  it.each(handouts)("%s walks through みらい町 in at least 3,000 characters", (file) => {
    const { body } = parseFrontMatter(fs.readFileSync(path.resolve("materials/curriculum", file), "utf8"));
    expect([...body].length).toBeGreaterThanOrEqual(3000);
    expect(body).toContain("みらい町");
  });
});
