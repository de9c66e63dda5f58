import { describe, expect, it } from "vitest";
import { TeamSchema } from "~/modules/team/schemas";
import { SessionSchema } from "~/modules/schedule/schemas";
import { parseForm } from "./forms";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("names and titles with control characters", () => {
  it.each([
    ["NUL", "受診率向上\u0000チーム"],
    ["ESC (a terminal escape)", "\u001b[31m受診率向上チーム"],
    ["a right-to-left override", "受診率\u202eムーチ"],
    ["a line break in a one-line name", "受診率向上\nチーム"],
  ])("refuses %s in a team name, keeping what was typed", (_label, name) => {
    const parsed = parseForm(TeamSchema, form({ name }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.fieldErrors.name).toBe("validation.controlChars");
      expect(parsed.values.name).toBe(name);
    }
  });

  it("accepts Japanese names with ideographic spaces and variant kanji", () => {
    expect(parseForm(TeamSchema, form({ name: "髙橋﨑子　チーム①", themeTitle: "がん検診の受診率向上", municipalityCodes: "282014" })).ok).toBe(true);
  });

  it("allows line breaks in free text (an agenda) but not ESC", () => {
    const base = { date: "2026-09-04", startTime: "13:30", endTime: "17:00", venueName: "本庁舎" };
    const ok = parseForm(SessionSchema, form({ ...base, agenda: "13:30 開会\n14:00 演習" }));
    const bad = parseForm(SessionSchema, form({ ...base, agenda: "13:30 開会\u001b[2J" }));
    expect(ok.ok ? null : ok.fieldErrors.agenda).toBeNull();
    expect(bad.ok ? null : bad.fieldErrors.agenda).toBe("validation.controlChars");
  });
});
