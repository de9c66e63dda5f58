import { prisma } from "~/utils/db.server";
import { burnVerifyTime, verifyPassword } from "./password.server";
import { recordAudit } from "~/modules/audit/audit.server";

// Failed attempts are counted per account and per client address over a sliding window.
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; error: "login.invalid" | "login.rateLimited" };

async function isRateLimited(email: string, ipAddress: string): Promise<boolean> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ipAddress, succeeded: false, createdAt: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

/**
 * Unknown e-mail and wrong password give the same answer, so the form cannot be used
 * to find out who has an account.
 */
export async function login(input: {
  email: string;
  password: string;
  ipAddress: string;
  requestId?: string;
}): Promise<LoginResult> {
  const { email, password, ipAddress } = input;
  if (await isRateLimited(email, ipAddress)) {
    return { ok: false, error: "login.rateLimited" };
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, password: { select: { hash: true } } },
  });
  let ok = false;
  if (user?.password && !user.disabledAt) {
    ok = await verifyPassword(user.password.hash, password);
  } else {
    await burnVerifyTime(password);
  }
  await prisma.loginAttempt.create({ data: { email, ipAddress, succeeded: ok } });
  if (!ok || !user) return { ok: false, error: "login.invalid" };
  await recordAudit({
    actorId: user.id,
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
    requestId: input.requestId,
  });
  return { ok: true, userId: user.id };
}
