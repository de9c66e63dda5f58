import { Prisma } from "~/generated/prisma/client";
import { providerOf } from "./db-client.server";
import { env } from "./env.server";

// The SQL both databases understand differently, written once (decision 0016). Raw reads
// (decision 0008) are written in the SQL that SQLite (3.44 or later, bundled with better-sqlite3)
// and PostgreSQL (15) share — TRUE/FALSE, IS DISTINCT FROM, string_agg, count(*) FILTER (WHERE …),
// CASE — and use these helpers for the rest. No dialect-only function appears anywhere else in app
// code (app/routes/architecture.test.ts checks).

const postgres = () => providerOf(env().databaseUrl) === "postgresql";

/** An array of the values of `item` over the rows (`[]` for none), as JSON. */
export function jsonArrayAgg(item: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`COALESCE(json_agg(${item}), '[]'::json)` : Prisma.sql`json_group_array(${item})`;
}

/** A JSON object of `'key', value` pairs. */
export function jsonObject(pairs: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`json_build_object(${pairs})` : Prisma.sql`json_object(${pairs})`;
}

/** A number stored under `key` in a text column that holds a JSON object. */
export function jsonNumberAt(column: Prisma.Sql, key: string): Prisma.Sql {
  if (!/^\w+$/.test(key)) throw new Error(`jsonNumberAt: unexpected key ${key}`);
  return postgres() ? Prisma.sql`(${column}::json ->> ${Prisma.raw(`'${key}'`)})::numeric` : Prisma.sql`json_extract(${column}, ${Prisma.raw(`'$.${key}'`)})`;
}

/** An instant as a parameter to compare with a stored DateTime column. */
export function instant(date: Date): Date | string {
  // SQLite stores Prisma's DateTime as UTC text with "+00:00" and compares text; PostgreSQL has timestamptz.
  return postgres() ? date : date.toISOString().replace("Z", "+00:00");
}

/** An instant as a typed SQL value, where the context gives no type (a CASE, a VALUES list). */
export function instantValue(date: Date | null): Prisma.Sql {
  if (postgres()) return Prisma.sql`CAST(${date} AS timestamptz)`;
  return date ? Prisma.sql`${instant(date)}` : Prisma.sql`NULL`;
}

/** The month (YYYY-MM) of a stored instant in Japan. */
export function tokyoMonth(column: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`to_char(${column} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')` : Prisma.sql`strftime('%Y-%m', ${column}, '+9 hours')`;
}

/** Hours from one stored instant to another, as a decimal number. */
export function hoursBetween(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`(EXTRACT(EPOCH FROM (${to} - ${from})) / 3600.0)` : Prisma.sql`((julianday(${to}) - julianday(${from})) * 24.0)`;
}

/** `column` contains `text` (any case), for a search box. */
export function containsText(column: Prisma.Sql, text: string): Prisma.Sql {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return postgres() ? Prisma.sql`${column} ILIKE ${pattern} ESCAPE '\\'` : Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * A join SQLite's planner must take in the order written (its CROSS JOIN; issue 8 measured the
 * difference at national scale). PostgreSQL plans joins itself and has no such hint.
 */
export function joinInOrder(): Prisma.Sql {
  return postgres() ? Prisma.sql`JOIN` : Prisma.sql`CROSS JOIN`;
}

/**
 * A JSON value read from a subquery's column, placed inside jsonObject: SQLite forgets across a
 * subquery that the text is JSON (json() says it again); PostgreSQL keeps the json type.
 */
export function asJson(value: Prisma.Sql): Prisma.Sql {
  return postgres() ? value : Prisma.sql`json(${value})`;
}

/** A JSON array of the given values (a compact row: `[a, b, c]`). */
export function jsonTuple(values: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`json_build_array(${values})` : Prisma.sql`json_array(${values})`;
}

/**
 * Take the row's write lock for the rest of the transaction, so that concurrent changes of one
 * aggregate (a board's votes against its budget) run one after the other. SQLite runs one
 * writing transaction at a time anyway; PostgreSQL needs `SELECT … FOR UPDATE`.
 */
export async function lockRow(tx: { $queryRaw: (query: Prisma.Sql) => Promise<unknown> }, table: "Retrospective", id: string) {
  // a read as far as the kept figures are concerned: it changes nothing
  if (postgres()) await tx.$queryRaw(Prisma.sql`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id} FOR UPDATE`);
}

/**
 * Prisma's `contains` filter for a search box, case-insensitive on both databases: SQLite's LIKE
 * already ignores (ASCII) case; PostgreSQL needs Prisma's `mode: "insensitive"` (ILIKE).
 */
export function containsInsensitive(text: string): { contains: string } {
  return (postgres() ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}
