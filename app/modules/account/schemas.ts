import { z } from "zod";
import { isCleanLine } from "~/utils/text-safety";

// Shared by browser (react-hook-form) and server (actions). Messages are i18n keys.

export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const requiredString = (max: number, tooLong = "validation.tooLong") =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, tooLong);

export const emailField = requiredString(EMAIL_MAX, "validation.emailTooLong")
  .pipe(z.email("validation.email"))
  .transform((v) => v.toLowerCase());

export const newPasswordField = z
  .string({ error: "validation.required" })
  .min(1, "validation.required")
  .min(PASSWORD_MIN, "validation.passwordTooShort")
  .max(PASSWORD_MAX, "validation.passwordTooLong");

export const LoginSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "validation.required" })
    .min(1, "validation.required")
    .max(PASSWORD_MAX, "validation.passwordTooLong"),
  redirectTo: z.string().max(2000).optional(),
});

export const ForgotPasswordSchema = z.object({ email: emailField });

const passwordsMatch = {
  path: ["confirmPassword"],
  message: "validation.passwordMismatch",
};
const confirmPasswordField = z.string({ error: "validation.required" });

export const ResetPasswordSchema = z
  .object({ password: newPasswordField, confirmPassword: confirmPasswordField })
  .refine((v) => v.password === v.confirmPassword, passwordsMatch);

export const AcceptInvitationSchema = z
  .object({ displayName: requiredString(100).refine(isCleanLine, "validation.controlChars"), password: newPasswordField, confirmPassword: confirmPasswordField })
  .refine((v) => v.password === v.confirmPassword, passwordsMatch);
