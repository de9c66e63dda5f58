import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering decision 0007 relies on, checked on every run: routes reach the database only
// through domain modules, and domain modules know nothing of HTTP.
const read = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), "utf8") }));

describe("layers", () => {
  it("no route imports the Prisma client", () => {
    const offenders = read("app/routes").filter(({ text }) => /from "~\/utils\/db\.server"|generated\/prisma/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("no domain module takes a Request or builds a Response", () => {
    const offenders = read("app/modules").filter(({ text }) => /\(request: Request|new Response\(|throw redirect\(|from "~\/utils\/http\.server"/.test(text));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });

  it("every academy route enters through the academy context", () => {
    const academyRoutes = read("app/routes").filter(({ file }) => path.basename(file).startsWith("academies.$academyId"));
    expect(academyRoutes.length).toBeGreaterThan(10);
    const offenders = academyRoutes.filter(({ text }) => !text.includes("requireAcademyContext("));
    expect(offenders.map((o) => o.file)).toEqual([]);
  });
});
