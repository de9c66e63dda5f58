import type { z } from "zod";
import { authenticateApi } from "~/modules/api/tokens.server";
import type { PageQuery } from "~/modules/api/open-data.server";

// JSON answers of the read-only API: one envelope ({ data, meta } or { error }), no caching by
// shared caches, errors as JSON with a code a program can test and a message a person can read.

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export function apiJson(body: unknown, status = 200, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...extra } });
}

export function apiError(status: number, code: string, message: string) {
  const extra: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="data-academy-manager"' } : {};
  return apiJson({ error: { code, message } }, status, extra);
}

/** Run an API read with a valid token; anything else is a JSON 401. */
export async function withApiToken(request: Request, read: () => Promise<Response>) {
  const token = await authenticateApi(request.headers.get("Authorization"));
  if (!token) return apiError(401, "unauthorized", "Send a live API token as 'Authorization: Bearer dam_…'. Programme coordinators create tokens under Settings → API tokens.");
  return read();
}


/** ?page=&per_page= (1-based, at most 100 a page); null when they make no sense. */
export function pageQuery(url: URL): PageQuery | null {
  const page = url.searchParams.get("page") ?? "1";
  const perPage = url.searchParams.get("per_page") ?? "50";
  if (!/^\d{1,5}$/.test(page) || !/^\d{1,3}$/.test(perPage)) return null;
  const p = Number(page);
  const n = Number(perPage);
  if (p < 1 || n < 1 || n > 100) return null;
  return { page: p, perPage: n };
}

/** The meta block of a page, with the next page's URL when there is one. */
export function pageMeta(url: URL, q: PageQuery, total: number) {
  const next = q.page * q.perPage < total ? new URL(url) : null;
  next?.searchParams.set("page", String(q.page + 1));
  return { page: q.page, perPage: q.perPage, total, next: next ? next.pathname + next.search : null };
}

/** The URL's query checked by a schema: the values, or a JSON 400 naming what is wrong. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  const raw = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "page" && k !== "per_page"));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues.map((i) => (i.code === "unrecognized_keys" ? `unknown parameter: ${i.keys.join(", ")}` : i.message)).join("; ");
  return { ok: false, response: apiError(400, "invalid_query", message) };
}
