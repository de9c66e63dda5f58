import crypto from "node:crypto";

// What the Express server (server.mjs) puts into Remix's load context.
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
    requestId?: string;
    /** The Content-Security-Policy nonce of this response. */
    cspNonce?: string;
  }
}

export interface RequestContext {
  clientIp?: string;
  requestId?: string;
}

export function clientIp(context: RequestContext | undefined): string {
  return context?.clientIp ?? "unknown";
}

export function requestId(context: RequestContext | undefined): string {
  return context?.requestId ?? crypto.randomUUID();
}

const INTERNAL = "http://app.internal";

/**
 * Only paths of this site, so a crafted link cannot send a user elsewhere after sign-in. Parsed
 * with the URL parser a browser uses (which drops tabs and newlines and reads backslashes as
 * slashes), never matched by pattern: "/\t/evil.example" is "//evil.example" to a browser.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(to, INTERNAL);
  } catch {
    return fallback;
  }
  if (url.origin !== INTERNAL) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Normalising may itself make a protocol-relative path: "/.//evil.example" and "/%2e%2e//evil.example"
  // become "//evil.example". What is sent must read as this site's path when parsed again.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  let again: URL;
  try {
    again = new URL(path, INTERNAL);
  } catch {
    return fallback;
  }
  if (again.origin !== INTERNAL || again.pathname + again.search + again.hash !== path) return fallback;
  return path;
}
