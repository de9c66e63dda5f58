import crypto from "node:crypto";

// What the Express server (server.mjs) puts into Remix's load context.
declare module "@remix-run/node" {
  interface AppLoadContext {
    clientIp?: string;
    requestId?: string;
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

/** Only same-site relative paths, so a crafted link cannot send a user elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
