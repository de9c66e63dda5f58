import { z } from "zod";

// Helpers for the raw reads of decision 0008. Nested data comes back as JSON text
// (json_group_array / json_object), parsed with a schema built once: a zod schema made inside
// the transform would be compiled again on every row (it showed up in the CPU profile of issue 8).

/** A DateTime as Prisma writes it into SQLite (UTC text with +00:00), for comparisons in raw SQL. */
export function storedDate(date: Date) {
  return date.toISOString().replace("Z", "+00:00");
}

/** A JSON array column, each item checked by `item`. */
export function jsonArray<T extends z.ZodTypeAny>(item: T) {
  const list = z.array(item);
  return z.string().transform((v): z.infer<typeof list> => list.parse(JSON.parse(v)));
}

/** A JSON object column that may be NULL. */
export function jsonObjectOrNull<T extends z.ZodTypeAny>(schema: T) {
  return z
    .string()
    .nullable()
    .transform((v): z.infer<T> | null => (v === null ? null : schema.parse(JSON.parse(v))));
}
