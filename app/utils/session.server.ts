import { takingPartSql } from "~/modules/academy/scope.server";
import { jsonArrayAgg, jsonObject } from "~/utils/sql.server";
import { createCookie, redirect } from "@remix-run/node";
import { currentRequestScope } from "./request-scope.server";
import { prisma, Prisma } from "./db.server";
import { env } from "./env.server";
import { forbidden } from "./http.server";
import { z } from "zod";
import { jsonArray } from "~/utils/raw-read";
import { userHasPermission, type PermissionString } from "~/modules/account/permissions";
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

/** One row: the session, its user, global role names and live enrollments (JSON arrays). */
const SessionRow = z.object({
  id: z.string(),
  expiresAt: z.coerce.date(),
  revokedAt: z.coerce.date().nullable(),
  lastSeenAt: z.coerce.date(),
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  kana: z.string(),
  locale: z.string().nullable(),
  disabledAt: z.coerce.date().nullable(),
  roles: jsonArray(z.string()),
  enrollments: jsonArray(z.object({ id: z.string(), academyId: z.string(), role: z.string(), status: z.string() })),
});

/**
 * Every page asks who is signed in (the root loader and the route's own loader): one SQL
 * statement, raw because Prisma would send one per relation (docs/decisions/0008), and
 * remembered for the rest of the same request.
 */
async function loadSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const rows = await prisma.$queryRaw<unknown[]>`
    SELECT s."id", s."expiresAt", s."revokedAt", s."lastSeenAt", u."id" AS "userId", u."email", u."displayName", u."kana",
           u."locale", u."disabledAt",
           (SELECT ${jsonArrayAgg(Prisma.sql`r."name"`)} FROM "UserRole" ur JOIN "Role" r ON r."id" = ur."roleId" WHERE ur."userId" = u."id") AS "roles",
           (SELECT ${jsonArrayAgg(jsonObject(Prisma.sql`'id', e."id", 'academyId', e."academyId", 'role', e."role", 'status', e."status"`))}
              FROM "Enrollment" e WHERE e."userId" = u."id" AND ${takingPartSql("e")}) AS "enrollments"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  if (rows.length === 0) return null;
  const session = SessionRow.parse(rows[0]);
  const now = Date.now();
  if (session.revokedAt || session.expiresAt.getTime() <= now || session.disabledAt) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const permissionsOf = await rolePermissions();
  return {
    id: session.userId,
    email: session.email,
    displayName: session.displayName,
    kana: session.kana,
    locale: session.locale,
    roles: session.roles,
    permissions: [...new Set(session.roles.flatMap((r) => permissionsOf(r)))],
    enrollments: session.enrollments,
  };
}

const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

/**
 * The signed-in user, or null when the session is missing, expired, revoked or the user is disabled.
 * Remix hands every loader of a page its own copy of the request, so the user is remembered in the
 * HTTP request's scope (request-scope.server.ts) for reads — the root loader and the page's loader
 * then share one statement — and per Request object otherwise (an action may sign in or out).
 */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const scope = request.method === "GET" || request.method === "HEAD" ? currentRequestScope() : undefined;
  const key = `session-user:${request.headers.get("Cookie") ?? ""}`;
  let user = (scope?.get(key) as Promise<SessionUser | null> | undefined) ?? perRequest.get(request);
  if (!user) {
    user = loadSessionUser(request);
    perRequest.set(request, user);
    scope?.set(key, user);
  }
  return user;
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
