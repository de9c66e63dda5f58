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
    ["a dot segment before the second slash", "/.//evil.example/phish"],
    ["an encoded dot segment", "/%2e//evil.example"],
    ["encoded parent segments", "/%2e%2e//evil.example"],
    ["parent segments", "/../..//evil.example"],
    ["a dot segment and a backslash", "/./\\evil.example"],
    ["a dot segment and a tab", "/.\t//evil.example"],
    ["a dot segment and an encoded dot", "/./%2E//evil.example"],
  ])("refuses %s", (_label, to) => {
    expect(safeRedirect(to, "/dashboard")).toBe("/dashboard");
  });
});

describe("safeRedirect against combinations", () => {
  it("never answers a path a browser would take to another site", () => {
    const parts = ["/", ".", "..", "%2e", "%2E", "%2e%2e", "\\", "\t", "\n", "%2f", "%5c", "evil.example", "?", "#", "@"];
    let tried = 0;
    for (const a of parts)
      for (const b of parts)
        for (const c of parts)
          for (const d of parts) {
            const to = `/${a}${b}${c}${d}evil.example/x`;
            const answer = safeRedirect(to, "/fallback");
            // How a browser on this site would read the Location header.
            const landed = new URL(answer, "https://academy.example.jp/here/");
            expect(landed.origin, `${JSON.stringify(to)} → ${answer}`).toBe("https://academy.example.jp");
            expect(answer.startsWith("/") && !answer.startsWith("//")).toBe(true);
            tried += 1;
          }
    expect(tried).toBe(parts.length ** 4);
  });
});
