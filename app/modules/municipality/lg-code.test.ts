import { describe, expect, it } from "vitest";
import { checkDigit, parseLgCode } from "./lg-code";

describe("parseLgCode", () => {
  it.each([
    ["282014", "姫路市"],
    ["131016", "千代田区"],
    ["434825", "芦北町"],
  ])("accepts %s (%s) with a correct check digit", (code) => {
    expect(parseLgCode(code)).toEqual({ ok: true, code, prefectureCode: code.slice(0, 2) });
  });

  it("completes a 5-digit statistics code with its check digit", () => {
    expect(parseLgCode("28201")).toMatchObject({ ok: true, code: "282014" });
  });

  it("accepts full-width digits and surrounding spaces", () => {
    expect(parseLgCode(" １３１０１６ ")).toMatchObject({ ok: true, code: "131016" });
  });

  it("explains a wrong check digit with the expected one", () => {
    expect(parseLgCode("282015")).toEqual({
      ok: false,
      problem: { key: "lgCode.badCheckDigit", given: "5", expected: "4" },
    });
  });

  it("explains length, characters, prefecture and emptiness", () => {
    expect(parseLgCode("2820")).toMatchObject({ problem: { key: "lgCode.wrongLength", length: 4 } });
    expect(parseLgCode("28201a")).toMatchObject({ problem: { key: "lgCode.notDigits" } });
    expect(parseLgCode("482014")).toMatchObject({ problem: { key: "lgCode.badPrefecture" } });
    expect(parseLgCode("")).toMatchObject({ problem: { key: "lgCode.empty" } });
  });

  it("computes check digits that wrap around (remainder 1 gives 0, remainder 0 gives 1)", () => {
    expect(checkDigit("01100")).toBe("2"); // 札幌市 011002
    expect(checkDigit("01205")).toBe("0"); // 室蘭市 012050: sum 23, 23 mod 11 = 1
    expect(checkDigit("01213")).toBe("1"); // 苫小牧市 012131: sum 22, 22 mod 11 = 0
  });
});
