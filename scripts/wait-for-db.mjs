#!/usr/bin/env node
// With SERVERS=several, migrations are a release step (`npm run db:migrate`, run once), not part
// of each server's start. A server waits here until the database answers and holds every
// migration this build knows (at most WAIT_FOR_DB_SECONDS, default 120), then serves. It never
// changes the database. Decision 0017.
import fs from "node:fs";
import pg from "pg";

const url = process.env.DATABASE_URL ?? "";
const known = fs
  .readdirSync("prisma/postgresql/migrations", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const deadline = Date.now() + Math.max(1, Number(process.env.WAIT_FOR_DB_SECONDS ?? "120") || 120) * 1000;
let said = "";
const say = (text) => {
  if (text !== said) process.stderr.write(`${text}\n`);
  said = text;
};
for (;;) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = known.filter((name) => !applied.has(name));
    if (missing.length === 0) break;
    say(`Waiting for the release step: the database lacks ${missing.length} migration(s) (${missing.at(-1)}); run \`npm run db:migrate\` once.`);
  } catch (error) {
    say(`Waiting for the database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
  if (Date.now() > deadline) {
    process.stderr.write("The database did not become ready in time; stopping.\n");
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
