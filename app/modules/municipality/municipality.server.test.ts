import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { parseLgCode } from "./lg-code";
import { searchMunicipalities } from "./municipality.server";

describe("municipality register", () => {
  it("holds every prefecture and all municipalities with valid codes", async () => {
    expect(await prisma.prefecture.count()).toBe(47);
    const all = await prisma.municipality.findMany({ select: { code: true } });
    expect(all.length).toBeGreaterThan(1700);
    expect(all.filter((m) => !parseLgCode(m.code).ok)).toEqual([]);
  });

  it("finds a government by code with or without check digit, by name and by kana", async () => {
    const byCode = await searchMunicipalities("28201");
    expect(byCode.map((m) => m.name)).toEqual(["姫路市"]);
    expect((await searchMunicipalities("４３４８２５")).map((m) => m.name)).toEqual(["芦北町"]);
    expect((await searchMunicipalities("千代田")).map((m) => m.code)).toContain("131016");
    expect((await searchMunicipalities("かこがわ")).map((m) => m.name)).toContain("加古川市");
  });

  it("finds nothing for a code with a wrong check digit", async () => {
    expect(await searchMunicipalities("282015")).toEqual([]);
  });
});
