import { createCookie, redirect } from "@remix-run/node";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { forbidden } from "./http.server";
import { ACCESS_STATUSES, userHasPermission, type EnrollmentStatus, type PermissionString } from "~/modules/account/permissions";
import { rolePermissions } from "~/modules/account/roles.server";

// Server-side sessions: the cookie carries only a signed session id; the row can be
// revoked at any time (sign-out, password reset, an administrator).

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("__dam_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().cookieSecure,
    path: "/",
    secrets: [env().sessionSecret],
    maxAge: SESSION_TTL_MS / 1000,
  });
  return cookie;
}

export async function createSession(userId: string, userAgent: string) {
  const session = await prisma.session.create({
    data: {
      userId,
      userAgent: userAgent.slice(0, 300),
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
    },
    select: { id: true },
  });
  return sessionCookie().serialize(session.id);
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

const userSelect = {
  id: true,
  email: true,
  displayName: true,
  kana: true,
  locale: true,
  roles: { select: { role: { select: { name: true } } } },
  enrollments: {
    where: { status: { in: ACCESS_STATUSES as EnrollmentStatus[] } },
    select: { id: true, academyId: true, role: true, status: true },
  },
} as const;

export type SessionEnrollment = { id: string; academyId: string; role: string; status: string };

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  kana: string;
  locale: string | null;
  /** global role names */
  roles: string[];
  /** global permission strings, e.g. "manage:region:any" */
  permissions: string[];
  /** the academies this person takes part in (not withdrawn), with their role there */
  enrollments: SessionEnrollment[];
};

/**
 * The signed-in user, or null when the session is missing, expired, revoked or the user is
 * disabled. One query: the session, the user, global roles and enrollments together.
 */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { ...userSelect, disabledAt: true } },
    },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.user.disabledAt) {
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  const permissionsOf = await rolePermissions();
  const roles = user.roles.map(({ role }) => role.name);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    kana: user.kana,
    locale: user.locale,
    roles,
    permissions: [...new Set(roles.flatMap((r) => permissionsOf(r)))],
    enrollments: user.enrollments,
  };
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

/** Signed in and holding the global permission, or a 403 page (pages outside any academy). */
export async function requirePermission(request: Request, permission: PermissionString) {
  const user = await requireUser(request);
  if (!userHasPermission(user, permission)) forbidden();
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getSessionUser(request)) throw redirect("/");
}

/** Revoke the current session and return the Set-Cookie header that clears it. */
export async function destroySession(request: Request): Promise<string> {
  const sessionId = await readSessionId(request);
  if (sessionId) {
    await prisma.session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function revokeAllSessions(userId: string) {
  await prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}
