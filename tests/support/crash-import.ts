// Child process for the crash test: parses a roster file and commits it, printing "committing"
// just before the transaction; the test kills it with SIGKILL somewhere in the middle.
import fs from "node:fs";

const [actorId, academyId, file] = process.argv.slice(2);
const { parseRoster } = await import("~/modules/roster/parse.server");
const { commitRoster } = await import("~/modules/roster/roster.server");
const parsed = await parseRoster(new Uint8Array(fs.readFileSync(file!)));
if (!parsed.ok) throw new Error(parsed.error);
process.stdout.write("committing\n");
const result = await commitRoster(actorId!, academyId!, parsed.rows, "ja");
process.stdout.write(`done ${JSON.stringify(result)}\n`);
