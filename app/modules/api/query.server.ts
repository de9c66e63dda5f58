import type { z } from "zod";
import { apiError } from "./respond.server";

/** The URL's query checked by a schema: the values, or a JSON 400 naming what is wrong. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  const raw = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "page" && k !== "per_page"));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues.map((i) => (i.code === "unrecognized_keys" ? `unknown parameter: ${i.keys.join(", ")}` : i.message)).join("; ");
  return { ok: false, response: apiError(400, "invalid_query", message) };
}
