import { z } from "zod";
import { intent, OK, type Intents } from "~/utils/intents.server";
import { fail } from "~/utils/result";
import { createSession } from "~/utils/session.server";
import { rememberDevice, type KnownDevice } from "~/utils/device.server";
import { safeRedirect } from "~/utils/request.server";
import { localeCookie } from "~/utils/locale.server";
import { isLocale } from "~/utils/i18n";
import type { AppLocale } from "~/utils/dates";
import { AcceptInvitationSchema, ForgotPasswordSchema, LoginSchema, ResetPasswordSchema } from "./schemas";
import { login } from "./login.server";
import { acceptInvitation } from "./invitation.server";
import { requestPasswordReset, resetPassword } from "./reset.server";
import { savePreferredLocale } from "./profile.server";
import { confirmSignUp, registerApplicant } from "~/modules/call/registration.server";
import { RegisterSchema } from "~/modules/call/schemas";

// Signing in and out, accepting an invitation, a new password, the language (decision 0024). These
// pages begin or end a session: success answers with the session's cookies. What the route knows
// of the request (the address it came from, the browser, a remembered device) comes in as data.

/** The browser asking: who it is said to be, from where. */
export interface Visitor {
  userAgent: string;
  ipAddress: string;
  requestId?: string;
}

const none = z.object({});

export const LOGIN_INTENTS: Intents<Visitor & { device: KnownDevice | null }> = {
  save: intent({
    schema: LoginSchema,
    run: async (v, p: Visitor & { device: KnownDevice | null }) => {
      const result = await login({ email: v.email, password: v.password, ipAddress: p.ipAddress, requestId: p.requestId, device: p.device });
      // too many tries is said as such (429); a wrong address or password is one answer
      if (!result.ok) return { ...fail(result.error), ...(result.error === "login.rateLimited" ? { status: 429 } : {}) };
      const cookies = [await createSession(result.userId, p.userAgent), await rememberDevice(result.userId, p.device)];
      return { ok: true as const, to: safeRedirect(v.redirectTo, "/"), cookies };
    },
    done: (r) => ({ to: r.to, headers: r.cookies.map((c) => ["Set-Cookie", c] as [string, string]) }),
  }),
};

/** Ending the session: the route hands over how (its cookie is the request's). */
export const LOGOUT_INTENTS: Intents<{ endSession: () => Promise<string> }> = {
  save: intent({
    schema: none,
    run: async (_v, p: { endSession: () => Promise<string> }) => ({ ok: true as const, cookie: await p.endSession() }),
    done: (r) => ({ to: "/login", headers: [["Set-Cookie", r.cookie]] }),
  }),
};

/** An invitation's or a sign-up's token: a refusal names its state (expired, used…), which the page explains. */
const tokenRefused = (state: string) => ({ ...fail(`token.${state}`), tokenState: state });

export const INVITATION_INTENTS: Intents<Visitor & { token: string }> = {
  save: intent({
    schema: AcceptInvitationSchema,
    run: async (v, p: Visitor & { token: string }) => {
      const result = await acceptInvitation(p.token, v);
      if (result.state !== "valid" || !result.userId) return tokenRefused(result.state);
      return { ok: true as const, cookie: await createSession(result.userId, p.userAgent) };
    },
    done: (r) => ({ to: "/dashboard", headers: [["Set-Cookie", r.cookie]] }),
  }),
};

export const SIGN_UP_INTENTS: Intents<Visitor & { token: string }> = {
  save: intent({
    schema: AcceptInvitationSchema,
    run: async (v, p: Visitor & { token: string }) => {
      const result = await confirmSignUp(p.token, v);
      if (result.state !== "valid" || !result.userId) return tokenRefused(result.state);
      return { ok: true as const, cookie: await createSession(result.userId, p.userAgent), applicationId: result.applicationId ?? null };
    },
    // on to the application begun at sign-up, or (its call closed meanwhile) the dashboard
    done: (r) => ({
      message: r.applicationId ? "signUp.done" : "signUp.doneClosed",
      to: r.applicationId ? `/applications/${r.applicationId}` : "/dashboard",
      headers: [["Set-Cookie", r.cookie]],
    }),
  }),
};

/** Signing up to apply to a call: a mail with a link follows; the page says so (the same answer whatever the address). */
export const REGISTER_INTENTS: Intents<Visitor & { callId: string; locale: AppLocale }> = {
  save: intent({
    schema: RegisterSchema,
    run: async (v, p: Visitor & { callId: string; locale: AppLocale }) => {
      const result = await registerApplicant(p.callId, v, p.locale, p.ipAddress);
      return result.ok ? { ok: true as const, sent: true } : result;
    },
  }),
};

/** Asking for a new password: the same answer whether or not the address has an account. */
export const FORGOT_PASSWORD_INTENTS: Intents<{ locale: AppLocale }> = {
  save: intent({
    schema: ForgotPasswordSchema,
    run: async (v, p: { locale: AppLocale }) => (await requestPasswordReset(v.email, p.locale), { ok: true as const, sent: true, email: v.email }),
  }),
};

export const RESET_PASSWORD_INTENTS: Intents<{ token: string }> = {
  save: intent({
    schema: ResetPasswordSchema,
    run: async (v, p: { token: string }) => {
      const state = await resetPassword(p.token, v.password);
      return state === "valid" ? OK : tokenRefused(state);
    },
    done: () => ({ to: "/login?reset=done" }),
  }),
};

/** The language chosen: kept in a cookie, and for someone signed in, on their profile. */
export const LOCALE_INTENTS: Intents<{ userId: string | null }> = {
  save: intent({
    schema: z.object({ locale: z.string().max(8).optional().default(""), redirectTo: z.string().max(2000).optional().default("") }),
    run: async (v, p: { userId: string | null }) => {
      const back = safeRedirect(v.redirectTo, "/");
      if (!isLocale(v.locale)) return { ok: true as const, back, cookie: null };
      if (p.userId) await savePreferredLocale(p.userId, v.locale);
      return { ok: true as const, back, cookie: await localeCookie.serialize(v.locale) };
    },
    done: (r) => ({ to: r.back, headers: r.cookie ? [["Set-Cookie", r.cookie]] : [] }),
  }),
};
