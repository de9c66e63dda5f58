import { prisma } from "~/utils/db.server";
import { burnVerifyTime, verifyPassword } from "./password.server";
import { recordAudit } from "~/modules/audit/audit.server";

// Sign-in attempts are limited over a sliding window, counted atomically: each attempt is
// written *before* the password is checked and then counts itself, so seven parallel guesses
// cannot all slip under a limit of five. Attempts from a browser that signed in to the account
// before (device cookie) have their own budget; strangers share the account's and the
// address's budgets. The address budget is high because a government network puts many staff
// behind one proxy address (set TRUST_PROXY so the address is the client's, see README).

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures from browsers that never signed in to the account. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Failures from one browser that did (the owner's typos). */
export const MAX_FAILURES_PER_DEVICE = 5;
/** Failures from unknown browsers at one address, over all accounts. */
export const MAX_FAILURES_PER_ADDRESS = 100;

export type LoginResult = { ok: true; userId: string } | { ok: false; error: "login.invalid" | "login.rateLimited" };

async function overLimit(attempt: { userId: string | null; email: string; ipAddress: string; deviceId: string | null; passwordSetAt: Date | null }) {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failed = { succeeded: false, createdAt: { gte: since } };
  if (attempt.deviceId) {
    return (await prisma.loginAttempt.count({ where: { ...failed, email: attempt.email, deviceId: attempt.deviceId } })) > MAX_FAILURES_PER_DEVICE;
  }
  // Guesses made before the password was last set do not count against the account: an owner
  // locked out on a new browser resets the password (which needs their mailbox) and signs in.
  const accountSince = attempt.passwordSetAt && attempt.passwordSetAt > since ? attempt.passwordSetAt : since;
  const [byAccount, byAddress] = await Promise.all([
    prisma.loginAttempt.count({ where: { succeeded: false, createdAt: { gte: accountSince }, email: attempt.email, deviceId: null } }),
    prisma.loginAttempt.count({ where: { ...failed, ipAddress: attempt.ipAddress, deviceId: null } }),
  ]);
  if (byAccount > MAX_FAILURES_PER_ACCOUNT) return true;
  if (byAddress <= MAX_FAILURES_PER_ADDRESS) return false;
  // The address budget guards accounts whose owners have not acted; an owner who has reset the
  // password through their mailbox since the spray began is past it: the account's budget applies.
  const resetByOwner = attempt.userId ? await prisma.passwordReset.count({ where: { userId: attempt.userId, usedAt: { gte: since } } }) : 0;
  return resetByOwner === 0;
}

/**
 * Unknown e-mail and wrong password give the same answer, so the form cannot be used
 * to find out who has an account. `device` is what the browser's device cookie says.
 */
export async function login(input: {
  email: string;
  password: string;
  ipAddress: string;
  requestId?: string;
  device?: { userId: string; deviceId: string } | null;
}): Promise<LoginResult> {
  const { email, password, ipAddress } = input;
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, disabledAt: true, password: { select: { hash: true, updatedAt: true } } },
  });
  const deviceId = user && input.device?.userId === user.id ? input.device.deviceId : null;
  const attempt = await prisma.loginAttempt.create({ data: { email, ipAddress, deviceId, succeeded: false }, select: { id: true } });
  if (await overLimit({ userId: user?.id ?? null, email, ipAddress, deviceId, passwordSetAt: user?.password?.updatedAt ?? null })) return { ok: false, error: "login.rateLimited" };
  let ok = false;
  if (user?.password && !user.disabledAt) {
    ok = await verifyPassword(user.password.hash, password);
  } else {
    await burnVerifyTime(password);
  }
  if (!ok || !user) return { ok: false, error: "login.invalid" };
  await prisma.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  await recordAudit({
    actorId: user.id,
    action: "auth.sign_in",
    entityType: "user",
    entityId: user.id,
    requestId: input.requestId,
  });
  return { ok: true, userId: user.id };
}
