import { createSession } from "~/utils/session.server";

// Build the Request objects Remix hands to loaders and actions.

export function formRequest(path: string, fields: Record<string, string | Blob>, init: { cookie?: string } = {}) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    body,
    headers: init.cookie ? { Cookie: init.cookie } : {},
  });
}

export function getRequest(path: string, init: { cookie?: string; acceptLanguage?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.acceptLanguage) headers["Accept-Language"] = init.acceptLanguage;
  return new Request(`http://localhost:3000${path}`, { headers });
}

/** A Cookie header value for a fresh session of the user. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const setCookie = await createSession(userId, "vitest");
  return setCookie.split(";")[0]!;
}

export const context = { clientIp: "192.0.2.10", requestId: "test" };

/** Status and body of what an action returned: a Response (redirect) or Remix's data(). */
export function outcome(result: unknown): { status: number; data: any; headers: Headers } {
  if (result instanceof Response) return { status: result.status, data: null, headers: result.headers };
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const init = (result as { init?: ResponseInit | null }).init;
    return { status: init?.status ?? 200, data: (result as { data: unknown }).data, headers: new Headers(init?.headers) };
  }
  return { status: 200, data: result, headers: new Headers() };
}

/** Run a loader/action that may throw a Response (403, 404, redirect) and return it. */
export async function caught(promise: Promise<unknown>): Promise<{ status: number; data: any; headers: Headers }> {
  try {
    return outcome(await promise);
  } catch (error) {
    if (error instanceof Response) return outcome(error);
    throw error;
  }
}
