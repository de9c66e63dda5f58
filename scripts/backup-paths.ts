import path from "node:path";
import type { BackupPaths } from "../app/modules/backup/backup.server";
import { storage } from "../app/modules/files/storage.server";

/** The data locations of this installation, from the same variables the server reads. */
export function installationPaths(): BackupPaths {
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  return {
    dataDir,
    databaseUrl: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`,
    filesDir: path.resolve(process.env.FILES_DIR ?? path.join(dataDir, "files")),
    // FILES_STORAGE=s3: the blobs are read from (and restored into) the bucket
    objects: process.env.FILES_STORAGE === "s3" ? storage() : undefined,
  };
}
