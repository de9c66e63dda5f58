import { createCookie, redirect } from "@remix-run/node";
import { env } from "./env.server";

// Success messages travel one way: set on the redirect after a change, read once by the root
// loader, shown by the layout. The cookie is signed and lives for one minute at most.

export interface Flash {
  /** an i18n key */
  message: string;
  params?: Record<string, string | number>;
  tone?: "success" | "info" | "warning";
}

let cookie: ReturnType<typeof createCookie> | undefined;
function flashCookie() {
  cookie ??= createCookie("__dam_flash", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().cookieSecure,
    path: "/",
    secrets: [env().sessionSecret],
    maxAge: 60,
  });
  return cookie;
}

function isFlash(value: unknown): value is Flash {
  return Boolean(value && typeof value === "object" && typeof (value as Flash).message === "string");
}

/** Redirect and show the message on the next page. */
export async function redirectWithFlash(url: string, flash: Flash, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie().serialize(flash));
  return redirect(url, { headers });
}

/** The pending message (if any) and the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; headers: Headers }> {
  const headers = new Headers();
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader?.includes("__dam_flash=")) return { flash: null, headers };
  const value: unknown = await flashCookie().parse(cookieHeader);
  headers.append("Set-Cookie", await flashCookie().serialize("", { maxAge: 0 }));
  return { flash: isFlash(value) ? value : null, headers };
}
