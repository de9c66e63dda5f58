// What the seed (prisma/seed.ts) reads, as one fingerprint: its code and the app code it imports
// (all of app/ but tests and the generated client, which follows schema.prisma), the schema, the
// shipped materials, the installed packages (the register of local governments is one) and
// whether demo data is wanted. The seed stores it when it finishes (SeedRun); a start whose
// fingerprint matches skips the seed (scripts/prepare-db.mjs, decision 0020). Plain JavaScript:
// computing it needs no TypeScript compiler.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["app", "prisma/seed", "prisma/seed.ts", "prisma/schema.prisma", "materials", "package-lock.json"];
const skipped = (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes("generated");

function files(entry) {
  if (!fs.existsSync(entry)) return [];
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .flatMap((child) => files(path.join(entry, child.name)))
    .filter((file) => !skipped(file));
}

export function seedFingerprint(root = process.cwd()) {
  const hash = crypto.createHash("sha256");
  hash.update(`SEED_DEMO=${process.env.SEED_DEMO === "false" ? "false" : "true"}\n`);
  for (const file of ROOTS.flatMap((r) => files(path.join(root, r))).sort()) {
    hash.update(`${path.relative(root, file)}\n`);
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}
