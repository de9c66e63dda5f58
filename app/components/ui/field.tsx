import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "~/utils/use-translation";
import { useFieldError } from "./action-form";

/** Label, optional hint and the translated error around any control. */
export function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-std-16B-170">
          {label}
        </label>
        {required ? (
          <span aria-hidden="true" className="rounded-4 bg-error-2 px-1.5 py-0.5 text-dns-14B-120 text-white">
            {t("form.required")}
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-dns-16N-130 text-error-2">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

const control =
  "min-h-12 min-w-0 max-w-full rounded-8 border border-solid-gray-600 bg-white px-4 text-std-16N-170 aria-invalid:border-2 aria-invalid:border-error-2";

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: string;
  error?: string;
}

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, hint, error: given, id, required, children, ...props },
  ref,
) {
  const fromForm = useFieldError(props.name);
  const error = given ?? fromForm;
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} required={required}>
      <select
        ref={ref}
        id={fieldId}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={control}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
});

export interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  hint?: string;
  error?: string;
}

export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField(
  { label, hint, error: given, id, required, rows = 4, ...props },
  ref,
) {
  const fromForm = useFieldError(props.name);
  const error = given ?? fromForm;
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} error={error} required={required}>
      <textarea
        ref={ref}
        id={fieldId}
        rows={rows}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        className={`${control} py-2`}
        {...props}
      />
    </FieldShell>
  );
});

/** A group of checkboxes sharing one name, in a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultChecked,
  error,
  hint,
  register,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  defaultChecked: string[];
  error?: string;
  hint?: string;
  register?: (name: string) => object;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(id, hint, error)}>
      <legend className="text-std-16B-170">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-dns-14N-130 text-solid-gray-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={defaultChecked.includes(o.value)}
              className="size-5"
              {...(register ? register(name) : {})}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-dns-16N-130 text-error-2">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
