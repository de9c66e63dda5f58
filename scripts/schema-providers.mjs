#!/usr/bin/env node
// One schema source, two providers (decision 0016). prisma/schema.prisma is the schema we edit
// (SQLite, the embedded default); prisma/postgresql/schema.prisma is derived from it here:
// the provider, the generated client's folder, and every DateTime as `timestamptz(3)` (an
// instant, so raw reads and JSON built in SQL carry the offset). The derived file is committed;
// `--check` (run by the test suite) fails when it is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCE = path.join(root, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma/postgresql/schema.prisma");

export function derivePostgresSchema(source) {
  let out = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db" // required by validation; the driver adapter\'s URL is the one used', 'url      = "postgresql://localhost/unused" // required by validation; the driver adapter\'s URL is the one used')
    .replace('output     = "../app/generated/prisma"', 'output     = "../../app/generated/prisma-pg"');
  if (out === source || !out.includes('provider = "postgresql"') || !out.includes("prisma-pg")) {
    throw new Error("schema-providers: prisma/schema.prisma no longer has the expected generator/datasource lines");
  }
  // A DateTime field without a native type: an instant with time zone, millisecond precision.
  out = out.replace(/^(\s+\w+\s+DateTime\??)([^\n]*)$/gm, (line, head, rest) =>
    rest.includes("@db.") ? line : `${head}${rest.replace(/\s*(\/\/.*)?$/, (tail) => ` @db.Timestamptz(3)${tail}`)}`,
  );
  return (
    "// GENERATED from prisma/schema.prisma by scripts/schema-providers.mjs — do not edit; edit the source\n" +
    "// and run `node scripts/schema-providers.mjs`.\n" +
    out
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const derived = derivePostgresSchema(fs.readFileSync(SOURCE, "utf8"));
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "";
    if (current !== derived) {
      process.stderr.write("prisma/postgresql/schema.prisma is stale: run `node scripts/schema-providers.mjs`\n");
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
    fs.writeFileSync(POSTGRES_SCHEMA, derived);
    process.stdout.write("Wrote prisma/postgresql/schema.prisma\n");
  }
}
