// `npm run backup [-- --out DIR] [-- --keep N]`: a consistent online backup of the database,
// the stored files and the server secret, with a SHA-256 manifest. Safe while the app runs.
// Default target: BACKUP_DIR (./backups)/<date-time>; --keep N removes all but the newest N.
import fs from "node:fs";
import path from "node:path";
import { createBackup } from "../app/modules/backup/backup.server";
import { installationPaths } from "./backup-paths";

function option(name: string) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const root = path.resolve(process.env.BACKUP_DIR ?? "backups");
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
const out = path.resolve(option("out") ?? path.join(root, stamp));
const started = Date.now();
const manifest = await createBackup(installationPaths(), out);
const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
process.stdout.write(`Backup written to ${out}: ${manifest.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${Date.now() - started} ms\n`);

const keep = Number(option("keep") ?? "0");
if (keep > 0 && !option("out")) {
  const old = fs
    .readdirSync(root)
    .filter((name) => /^\d{8}-\d{6}$/.test(name))
    .sort()
    .slice(0, -keep);
  for (const name of old) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  if (old.length > 0) process.stdout.write(`Removed ${old.length} older backup(s).\n`);
}
