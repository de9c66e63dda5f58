import { forwardRef, useId, type InputHTMLAttributes } from "react";
import { FieldShell } from "./field";
import { useFieldError } from "./action-form";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** an i18n key from the shared schema, or already-translated text */
  error?: string;
  hint?: string;
}

/** Labelled input; the error is announced and tied to the input with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error: given, hint, id, required, className = "", ...props },
  ref,
) {
  // inside an ActionForm the field says its own message (its check, or the server's answer)
  const fromForm = useFieldError(props.name);
  const error = given ?? fromForm;
  const autoId = useId();
  const inputId = id ?? autoId;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <FieldShell id={inputId} label={label} hint={hint} error={error} required={required}>
        <input
          ref={ref}
          id={inputId}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="min-h-12 min-w-0 max-w-full rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 aria-invalid:border-2 aria-invalid:border-error-2"
          {...props}
        />
      </FieldShell>
    </div>
  );
});
