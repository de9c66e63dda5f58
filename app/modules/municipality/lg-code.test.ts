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

  it("computes check digits that wrap around (remainder 0 and 1)", () => {
    // s mod 11 == 1 gives 10 -> 0; s mod 11 == 0 gives 11 mod 10 -> 1
    expect(checkDigit("01100")).toBe(String((11 - ((6 * 0 + 5 * 1 + 4 * 1) % 11)) % 10));
    expect(checkDigit("00000")).toBe("1");
  });
});
