import { describe, expect, it } from "vitest";
import { safeRedirect } from "./request.server";

describe("safeRedirect", () => {
  it("keeps paths of this site, with their query and hash", () => {
    expect(safeRedirect("/academies?fiscalYear=2026#list")).toBe("/academies?fiscalYear=2026#list");
    expect(safeRedirect("/dashboard")).toBe("/dashboard");
  });

  it.each([
    ["a tab before the second slash (a browser drops it)", "/\t/evil.example/phish"],
    ["a newline before the second slash", "/\n/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["a backslash (read as a slash)", "/\\evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a scheme", "javascript:alert(1)"],
    ["nothing", ""],
  ])("refuses %s", (_label, to) => {
    expect(safeRedirect(to, "/dashboard")).toBe("/dashboard");
  });
});
