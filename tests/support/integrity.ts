import { prisma } from "~/utils/db.server";
import { onPostgres } from "./test-database";

// What the database itself says about its consistency after a crash or hostile input.
// SQLite: its integrity check and the foreign-key check (SQLite stores a violating row if
// enforcement was ever off). PostgreSQL refuses a violating row at the statement, so its check
// asks something it can violate: every table readable (no page damaged) and no index invalid.

/** Problems the database reports (empty when it is consistent). */
export async function databaseProblems(): Promise<unknown[]> {
  if (onPostgres) {
    const invalid = await prisma.$queryRawUnsafe<unknown[]>(
      `SELECT c.relname::text AS "index" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid OR NOT i.indisready`,
    );
    const tables = await prisma.$queryRawUnsafe<{ t: string }[]>(`SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public'`);
    for (const { t } of tables) await prisma.$queryRawUnsafe(`SELECT count(*) FROM "${t.replace(/"/g, "")}"`);
    return invalid;
  }
  const integrity = await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
  const foreignKeys = await prisma.$queryRawUnsafe<unknown[]>("PRAGMA foreign_key_check");
  return [...integrity.filter((r) => r.integrity_check !== "ok"), ...foreignKeys];
}
