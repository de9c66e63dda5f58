import { prisma } from "../app/utils/db.server";
import { seedReference } from "./seed/reference";
import { seedDemo } from "./seed/demo";
import { syncCatalogue } from "../app/modules/material/catalogue-sync.server";

// Runs at start when what it reads changed (scripts/prepare-db.mjs): reference data is kept up to
// date; demo data is added only to an empty database and only when SEED_DEMO is not "false".
async function main() {
  const municipalities = await seedReference(prisma);
  const versions = await syncCatalogue(prisma);
  if (versions > 0) process.stdout.write(`Material catalogue: ${versions} new versions from materials/.\n`);
  const users = await prisma.user.count();
  if (users === 0 && process.env.SEED_DEMO !== "false") {
    const result = await seedDemo(prisma);
    process.stdout.write(`Seeded demo data: ${result.users} users, ${municipalities} municipalities.\n`);
  }
  // what this run was made from (scripts/seed-fingerprint.mjs): the next start skips the seed if it is unchanged
  const fingerprint = process.env.DAM_SEED_FINGERPRINT;
  if (fingerprint) await prisma.seedRun.upsert({ where: { id: "reference" }, create: { id: "reference", fingerprint, finishedAt: new Date() }, update: { fingerprint, finishedAt: new Date() } });
}

main()
  .catch((error) => {
    process.stderr.write(`Seeding failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
