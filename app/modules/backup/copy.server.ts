import crypto from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";

// Copying rows between an embedded SQLite installation and PostgreSQL (decision 0016): moving an
// installation (`npm run db:copy`), and the national seed on PostgreSQL. Both databases have the
// same tables and columns (one schema source); column types are read from PostgreSQL's
// catalogue and every value converted to what the target stores: SQLite keeps instants as UTC
// text ("…+00:00", or epoch milliseconds where written raw) and booleans as 0/1. Tables are
// written parents first (the foreign keys' order), in one PostgreSQL transaction.

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
}

interface Column {
  name: string;
  type: string;
}

const MIGRATIONS_TABLE = "_prisma_migrations";
/**
 * Derived tables, written by the target's own triggers while the rows are copied (migration
 * 9z06: each academy's revision changes as its rows arrive): neither copied nor compared.
 */
const DERIVED_TABLES = new Set(["AcademyRevision"]);

/** Tables of the public schema with their columns, and the order that puts parents first. */
async function postgresTables(client: pg.Client) {
  const { rows: columns } = await client.query<{ table: string; name: string; type: string }>(
    `SELECT table_name::text AS "table", column_name::text AS "name", data_type::text AS "type"
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const { rows: keys } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname::text AS child, p.relname::text AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const tables = new Map<string, Column[]>();
  for (const c of columns) {
    if (c.table === MIGRATIONS_TABLE || DERIVED_TABLES.has(c.table)) continue;
    tables.set(c.table, [...(tables.get(c.table) ?? []), { name: c.name, type: c.type }]);
  }
  const parents = new Map<string, Set<string>>([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const k of keys) if (k.child !== k.parent) parents.get(k.child)?.add(k.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.size) {
    const next = [...tables.keys()].filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p))).sort();
    if (next.length === 0) throw new Error(`foreign keys form a cycle among ${[...tables.keys()].filter((t) => !placed.has(t)).join(", ")}`);
    for (const t of next) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return { tables, ordered };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value as PostgreSQL stores it, from what SQLite holds. */
function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith("timestamp")) return new Date(typeof value === "number" ? value : String(value));
  if (type === "boolean") return value === 1 || value === true || value === "1";
  return value;
}

/** A value as SQLite stores it (as Prisma writes it), from what PostgreSQL holds. */
function toSqlite(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith("timestamp")) return (value instanceof Date ? value : new Date(String(value))).toISOString().replace("Z", "+00:00");
  if (type === "boolean") return value ? 1 : 0;
  return value;
}

/** A canonical text of a value, the same from either database (for checksums). */
function canonical(value: unknown, type: string): string {
  if (value === null || value === undefined) return "∅";
  if (type.startsWith("timestamp")) return new Date(typeof value === "number" ? value : value instanceof Date ? value : String(value)).toISOString();
  if (type === "boolean") return value === true || value === 1 ? "t" : "f";
  if (typeof value === "number" || typeof value === "bigint") return String(Number(value));
  if (Buffer.isBuffer(value)) return value.toString("base64");
  return String(value);
}

/** An order-independent checksum of rows: the sum of every row's SHA-256 prefix, modulo 2^64. */
function checksum() {
  let sum = 0n;
  return {
    add(row: Record<string, unknown>, columns: Column[]) {
      const text = columns.map((c) => canonical(row[c.name], c.type)).join("\u0001");
      sum = (sum + crypto.createHash("sha256").update(text).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
    },
    value: () => sum.toString(16).padStart(16, "0"),
  };
}

async function postgresChecksum(client: pg.Client, table: string, columns: Column[]) {
  const sum = checksum();
  let rows = 0;
  // a cursor would be kinder to memory; keyset pages by ctid keep it simple and bounded
  const page = 20_000;
  for (let offset = 0; ; offset += page) {
    const result = await client.query(`SELECT * FROM ${quote(table)} ORDER BY ctid LIMIT ${page} OFFSET ${offset}`);
    for (const row of result.rows as Record<string, unknown>[]) sum.add(row, columns);
    rows += result.rows.length;
    if (result.rows.length < page) break;
  }
  return { rows, checksum: sum.value() };
}

function sqliteChecksum(db: Database.Database, table: string, columns: Column[]) {
  const sum = checksum();
  let rows = 0;
  for (const row of db.prepare(`SELECT * FROM ${quote(table)}`).iterate() as Iterable<Record<string, unknown>>) {
    sum.add(row, columns);
    rows++;
  }
  return { rows, checksum: sum.value() };
}

export interface CopyOptions {
  /** Refuse when any table of the target holds a row (moving an installation). */
  requireEmptyTarget: boolean;
  /** Rows whose key the target already has are left as they are (the national seed on top of reference data). */
  skipExisting?: boolean;
  onTable?: (table: string, rows: number) => void;
}

/** Copy every row of an SQLite database into a migrated PostgreSQL database, in one transaction. */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string, options: CopyOptions): Promise<TableReport[]> {
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const { tables, ordered } = await postgresTables(client);
    if (tables.size === 0) throw new Error("the PostgreSQL database has no tables: apply its migrations first (npm run db:migrate)");
    if (options.requireEmptyTarget) {
      for (const table of ordered) {
        const { rows } = await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
        if (rows.length > 0) throw new Error(`the PostgreSQL database is not empty (table ${table} has rows): copy only into a new database`);
      }
    }
    const sourceTables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const missing = ordered.filter((t) => !sourceTables.has(t));
    if (missing.length > 0) throw new Error(`the SQLite database lacks tables ${missing.join(", ")}: start the app on it once (it applies its migrations), then copy`);
    await client.query("BEGIN");
    try {
      for (const table of ordered) {
        const columns = tables.get(table)!;
        const names = columns.map((c) => quote(c.name)).join(", ");
        const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
        let batch: unknown[][] = [];
        let written = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values: unknown[] = [];
          const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(", ")})`);
          await client.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${tuples.join(", ")}${options.skipExisting ? " ON CONFLICT DO NOTHING" : ""}`, values);
          written += batch.length;
          batch = [];
        };
        for (const row of db.prepare(`SELECT ${names} FROM ${quote(table)}`).iterate() as Iterable<Record<string, unknown>>) {
          batch.push(columns.map((c) => toPostgres(row[c.name], c.type)));
          if (batch.length >= perStatement) await flush();
        }
        await flush();
        options.onTable?.(table, written);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
    const reports: TableReport[] = [];
    for (const table of ordered) {
      const columns = tables.get(table)!;
      const source = sqliteChecksum(db, table, columns);
      const target = await postgresChecksum(client, table, columns);
      reports.push({ table, sourceRows: source.rows, targetRows: target.rows, sourceChecksum: source.checksum, targetChecksum: target.checksum });
    }
    return reports;
  } finally {
    db.close();
    await client.end();
  }
}

/** Copy every row of PostgreSQL into a migrated SQLite database, replacing what it held (a scratch copy). */
export async function copyPostgresToSqlite(postgresUrl: string, sqliteFile: string): Promise<void> {
  const db = new Database(sqliteFile);
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const { tables, ordered } = await postgresTables(client);
    const rowsByTable: [string, Column[], Record<string, unknown>[]][] = [];
    for (const table of ordered) {
      const { rows } = await client.query(`SELECT * FROM ${quote(table)}`);
      if (rows.length > 0) rowsByTable.push([table, tables.get(table)!, rows as Record<string, unknown>[]]);
    }
    db.transaction(() => {
      for (const table of [...ordered].reverse()) db.prepare(`DELETE FROM ${quote(table)}`).run();
      for (const [table, columns, rows] of rowsByTable) {
        const insert = db.prepare(`INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        for (const row of rows) insert.run(...columns.map((c) => toSqlite(row[c.name], c.type)));
      }
    })();
  } finally {
    db.close();
    await client.end();
  }
}
