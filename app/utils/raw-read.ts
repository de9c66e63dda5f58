import { z } from "zod";

// Helpers for the raw reads of decision 0008. Nested data comes back as JSON (built by
// jsonArrayAgg / jsonObject, app/utils/sql.server.ts): text from SQLite, already parsed from
// PostgreSQL. Each is parsed with a schema built once: a zod schema made inside the transform
// would be compiled again on every row (it showed up in the CPU profile of issue 8).

const parsedJson = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

/** A JSON array column, each item checked by `item`. */
export function jsonArray<T extends z.ZodTypeAny>(item: T) {
  const list = z.array(item);
  return z.unknown().transform((v): z.infer<typeof list> => list.parse(parsedJson(v)));
}

/** A JSON object column that may be NULL. */
export function jsonObjectOrNull<T extends z.ZodTypeAny>(schema: T) {
  return z.unknown().transform((v): z.infer<T> | null => (v === null || v === undefined ? null : schema.parse(parsedJson(v))));
}

/** A count or sum: PostgreSQL answers bigint (count) or numeric (sum, avg) where SQLite answers a number. */
export const dbNumber = z.union([z.number(), z.bigint(), z.string(), z.object({}).passthrough()]).transform((v) => Number(typeof v === "object" ? String(v) : v));
