import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useSubmit, type FormProps } from "@remix-run/react";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { z } from "zod";
import type { Refusal } from "~/utils/result";
import { ErrorSummary } from "./error-summary";

// One way to write a form (issue 26, decision 0025): a page's form is an ActionForm. It posts as a
// plain HTML form (so it works before and without JavaScript), and once the page runs,
// react-hook-form checks it with the form's zod schema — the one its intent declares on the
// server — before anything is sent. Errors found here and errors the server answered are shown in
// the same places: an error summary at the top of the form (which takes focus) and each field's
// message, read by the field components (TextField, TextareaField, SelectField) from this form.

interface FieldErrorSource {
  errorFor: (name: string) => string | undefined;
}

const FieldErrors = createContext<FieldErrorSource | null>(null);

/** The message for a field of the surrounding ActionForm (its own check first, then the server's). */
export function useFieldError(name: string | undefined): string | undefined {
  const source = useContext(FieldErrors);
  return name && source ? source.errorFor(name) : undefined;
}

/** Any form: what the schema does not name passes (a form without a schema is only sent). */
const ANYTHING = z.object({}).passthrough();

export interface ActionFormProps extends Omit<FormProps, "onSubmit"> {
  /** The form's schema, shared with the intent that receives it. */
  schema?: z.ZodType<FieldValues, FieldValues>;
  /** A form whose buttons name different intents: each intent's schema (an intent not named is only sent). */
  schemas?: Record<string, z.ZodType<FieldValues, FieldValues>>;
  /** The server's refusal of this form (useRefusal, picked by `form`); shown in the summary and beside the fields. */
  refusal?: Pick<Refusal, "reason" | "fieldErrors"> & { params?: Record<string, unknown> } | null;
  /** Said with the refusal's reason (the numbers its message names). */
  params?: Record<string, unknown>;
  children: ReactNode;
}

/** Every value the form would send, by field (several for a group of boxes). */
function valuesOf(form: HTMLFormElement, submitter: HTMLElement | null): Record<string, string | string[]> {
  const data = submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? new FormData(form, submitter) : new FormData(form);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length === 0) continue;
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

export function ActionForm({ schema, schemas, refusal, params, children, method = "post", noValidate = true, reloadDocument, ...props }: ActionFormProps) {
  const submit = useSubmit();
  // the schema of the intent the pressed button names (a page's one form names none: "save")
  const resolver = useMemo<Resolver<FieldValues>>(
    () => (values, context, options) => {
      const named = typeof values.intent === "string" && values.intent ? values.intent : "save";
      const chosen = schemas ? (schemas[named] ?? ANYTHING) : (schema ?? ANYTHING);
      return (zodResolver(chosen as never) as unknown as Resolver<FieldValues>)(values, context, options);
    },
    [schema, schemas],
  );
  const form = useForm<FieldValues>({ resolver, mode: "onSubmit", reValidateMode: "onChange", shouldFocusError: false });
  // the server's message for a field stands until the person changes that field
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  // what the check found when the person pressed the button (the summary keeps it until the next press)
  const [found, setFound] = useState<Record<string, string> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // a form that reloads the whole page (the language) is sent by the browser itself once checked
  const checked = useRef(false);
  useEffect(() => setChanged(new Set()), [refusal]);

  const clientErrors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const errorFor = (name: string) => clientErrors[name]?.message ?? (changed.has(name) ? undefined : refusal?.fieldErrors[name]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (checked.current) {
      checked.current = false;
      return;
    }
    event.preventDefault();
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // what would be sent, checked as the server will check it
    const values = valuesOf(element, submitter);
    for (const name of Object.keys(form.getValues())) if (!(name in values)) form.unregister(name);
    for (const [name, value] of Object.entries(values)) form.setValue(name, value);
    void form.handleSubmit(
      () => {
        setFound(null);
        const button = submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null;
        if (reloadDocument) {
          // after the refused submit event has finished (a form ignores a new submission while it fires one)
          setTimeout(() => {
            checked.current = true;
            element.requestSubmit(button);
          }, 0);
          return;
        }
        submit(button ?? element);
      },
      (errors) => setFound(Object.fromEntries(Object.entries(errors).flatMap(([name, e]) => (typeof e?.message === "string" ? [[name, e.message]] : [])))),
    )();
  };

  return (
    <FieldErrors.Provider value={{ errorFor }}>
      <Form
        ref={formRef}
        method={method}
        noValidate={noValidate}
        reloadDocument={reloadDocument}
        onSubmit={onSubmit}
        onChange={(event) => {
          const name = (event.target as HTMLInputElement).name;
          if (!name) return;
          if (!changed.has(name)) setChanged(new Set([...changed, name]));
          // once checked, a field is checked again as it changes
          if (form.formState.isSubmitted && formRef.current) {
            form.setValue(name, valuesOf(formRef.current, null)[name] ?? "");
            void form.trigger(name);
          }
        }}
        {...props}
      >
        {found && Object.keys(found).length > 0 ? (
          <ErrorSummary fieldErrors={found} />
        ) : refusal ? (
          <ErrorSummary reason={refusal.reason} fieldErrors={refusal.fieldErrors} params={params ?? refusal.params} />
        ) : null}
        {children}
      </Form>
    </FieldErrors.Provider>
  );
}
