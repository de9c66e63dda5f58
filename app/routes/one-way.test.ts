import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// One way to write each thing (issue 26): a newcomer who learns one table knows them all. The
// scan reads the app's components and routes; an exception names its reason here.

const root = path.resolve(__dirname, "..");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : files(full);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

/** Tables that are not lists of rows, with the reason. */
const OWN_TABLES: Record<string, string> = {
  // a month of days in seven columns: a calendar grid, not rows of records (on a phone the month opens as a list)
  "components/calendar/month-grid.tsx": "calendar grid",
  "components/ui/data-table.tsx": "the table component itself",
};

describe("one way to write each thing", () => {
  it("every table is the DataTable component (caption, header scopes, its own scroll box, the phone layout)", () => {
    const handMade = files(root)
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .filter((file) => !(file in OWN_TABLES) && /<table[\s>]/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(handMade).toEqual([]);
  });
});
