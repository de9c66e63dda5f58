// `npm run restore -- <backup dir>`: checks the backup against its manifest, then copies it into
// the (empty) data directory configured by DATA_DIR / DATABASE_URL / FILES_DIR. Stop the app first.
import { restoreBackup, verifyBackup } from "../app/modules/backup/backup.server";
import { installationPaths } from "./backup-paths";

const from = process.argv[2];
if (!from) {
  process.stderr.write("usage: npm run restore -- <backup directory>   (or: npm run restore -- <dir> --verify-only)\n");
  process.exit(2);
}
try {
  if (process.argv.includes("--verify-only")) {
    const { problems } = await verifyBackup(from);
    for (const p of problems) process.stdout.write(`${p.problem}: ${p.path}\n`);
    process.stdout.write(problems.length === 0 ? "The backup matches its manifest.\n" : `${problems.length} problem(s).\n`);
    process.exit(problems.length === 0 ? 0 : 1);
  }
  const target = installationPaths();
  const manifest = await restoreBackup(from, target);
  process.stdout.write(`Restored ${manifest.files.length} files from ${from} (made ${manifest.createdAt}) into ${target.dataDir}.\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
