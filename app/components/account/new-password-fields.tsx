import type { UseFormRegister } from "react-hook-form";
import { useTranslation } from "~/utils/use-translation";
import { TextField } from "~/components/ui/text-field";

/** A new password and its confirmation: the invitation, the reset and the sign-up pages. */
export function NewPasswordFields({ register, errorFor }: { register: UseFormRegister<never>; errorFor: (name: string) => string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t("fields.newPassword")}
        hint={t("fields.passwordHint")}
        type="password"
        autoComplete="new-password"
        required
        error={errorFor("password")}
        {...register("password" as never)}
      />
      <TextField
        label={t("fields.confirmPassword")}
        type="password"
        autoComplete="new-password"
        required
        error={errorFor("confirmPassword")}
        {...register("confirmPassword" as never)}
      />
    </>
  );
}
