import { forwardRef, useId, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** an i18n key from the shared schema, or already-translated text */
  error?: string;
  hint?: string;
}

/** Labelled input; the error is announced and tied to the input with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, hint, id, required, className = "", ...props },
  ref,
) {
  const { t } = useTranslation();
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <div className="flex items-center gap-2">
        <label htmlFor={inputId} className="text-std-16B-170">
          {label}
        </label>
        {required ? (
          <span aria-hidden="true" className="rounded-4 bg-error-2 px-1.5 py-0.5 text-dns-14B-120 text-white">
            {t("form.required")}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={hintId} className="text-dns-14N-130 text-solid-gray-600">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={inputId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-12 rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 aria-invalid:border-error-2 aria-invalid:border-2"
        {...props}
      />
      {error ? (
        <p id={errorId} className="text-dns-16N-130 text-error-2">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
});
