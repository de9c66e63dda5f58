import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server";

// A device cookie (OWASP's "device cookies" against lock-out): after a successful sign-in the
// browser keeps a signed, long-lived note "this browser signed in as this person". Sign-in
// attempts that carry it are limited on their own, so a stranger guessing passwords can slow
// down only strangers, never the owner at their usual browser.

export interface KnownDevice {
  userId: string;
  deviceId: string;
}

const DeviceSchema = z.object({ userId: z.string().min(1).max(40), deviceId: z.string().min(1).max(40) });

let cookie: ReturnType<typeof createCookie> | undefined;
function deviceCookie() {
  cookie ??= createCookie("__dam_device", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().cookieSecure,
    path: "/login",
    secrets: [env().sessionSecret],
    maxAge: 365 * 24 * 60 * 60,
  });
  return cookie;
}

export async function readKnownDevice(request: Request): Promise<KnownDevice | null> {
  const value: unknown = await deviceCookie().parse(request.headers.get("Cookie"));
  const parsed = DeviceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Set-Cookie for this browser after `userId` signed in (keeps the device id it already had). */
export function rememberDevice(userId: string, known: KnownDevice | null) {
  const deviceId = known?.userId === userId ? known.deviceId : crypto.randomBytes(12).toString("base64url");
  return deviceCookie().serialize({ userId, deviceId });
}
