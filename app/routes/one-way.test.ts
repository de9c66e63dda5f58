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

/** Forms that post without ActionForm, with the reason. */
const OWN_FORMS: Record<string, string> = {
  // live forms of the retrospective board: fetchers that answer in place, their refusal said beside the form
  "components/retro/board-parts.tsx": "live board fetcher",
  // one tap per person while attendance is taken: a fetcher, the list reloads
  "routes/academies.$academyId.sessions.$sessionId.attendance.tsx": "attendance fetcher",
  // the stage's work: lists of items that grow on the page, checked before sending with the stage's own
  // schema (parseWork, the server's) and saved by itself as the team types; 提出する elsewhere on the page
  // posts it too (form="work-form")
  "components/team/work-form.tsx": "the stage's work",
  // the form component itself
  "components/ui/action-form.tsx": "ActionForm itself",
};

/** Each form's opening tag in a file (to its closing ">", across lines and braces). */
function formTags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(/<(?:[\w.]+\.)?Form\b/g)) {
    let depth = 0;
    let i = match.index;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0) break;
    }
    tags.push(text.slice(match.index, i + 1));
  }
  return tags;
}

/** The route files (their source and name, e.g. "routes/login.tsx"). */
function routeSources() {
  return fs
    .readdirSync(path.join(root, "routes"))
    .filter((name) => name.endsWith(".tsx"))
    .map((name) => ({ file: `routes/${name}`, text: fs.readFileSync(path.join(root, "routes", name), "utf8") }));
}

/** A module's sources, for what must not be done there either. */
function moduleSources() {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  return walk(path.join(root, "modules")).map((full) => ({ file: path.relative(root, full).split(path.sep).join("/"), text: fs.readFileSync(full, "utf8") }));
}

describe("one way to write each thing", () => {
  it("every action is the action protocol: declared intents, run by runIntent, answered by answerIntent (decision 0024)", () => {
    const actions = routeSources().filter(({ text }) => /export async function action\b/.test(text));
    expect(actions.length).toBeGreaterThan(40);
    // the action body hands the form to the declarations and answers with the one answer
    expect(actions.filter(({ text }) => !/answerIntent\(await runIntent\(/.test(text)).map(({ file }) => file)).toEqual([]);
    // nothing switches on the form's intent itself, parses a form by hand or answers a refusal in its own shape
    const own = [...routeSources(), ...moduleSources()].filter(({ file }) => !file.endsWith("utils/intents.server.ts"));
    expect(own.filter(({ text }) => /(\b(form|formData)|\))\.get\("intent"\)/.test(text)).map(({ file }) => file)).toEqual([]);
    expect(routeSources().filter(({ text }) => /\bparseForm\(/.test(text)).map(({ file }) => file)).toEqual([]);
    expect(routeSources().filter(({ text }) => /data\(\{[^)]*\berror: /.test(text)).map(({ file }) => file)).toEqual([]);
  });


  it("every form that posts is an ActionForm, or react-hook-form with its schema directly (decision 0024)", () => {
    const all = files(root).map((file) => ({ file: path.relative(root, file).split(path.sep).join("/"), text: fs.readFileSync(file, "utf8") }));
    const outside = all.flatMap(({ file, text }) =>
      formTags(text)
        .filter((tag) => !/method="get"/.test(tag))
        // a form driven by useValidatedForm: react-hook-form with the shared schema, its own submit
        .filter((tag) => !(/onSubmit=\{onSubmit\}/.test(tag) && text.includes("useValidatedForm(")))
        .filter(() => !(file in OWN_FORMS))
        .map((tag) => `${file}: ${tag.slice(0, 60)}`),
    );
    expect(outside).toEqual([]);
    // and there are ActionForms to speak of (the scan reads the right files)
    expect(all.filter(({ text }) => text.includes("<ActionForm")).length).toBeGreaterThanOrEqual(40);
  });

  it("every table is the DataTable component (caption, header scopes, its own scroll box, the phone layout)", () => {
    const handMade = files(root)
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .filter((file) => !(file in OWN_TABLES) && /<table[\s>]/.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(handMade).toEqual([]);
  });
});
