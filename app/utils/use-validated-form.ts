import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "./forms";

/**
 * react-hook-form driven by the same zod schema the action uses. The browser validates
 * before posting; the server validates again and its errors (actionData.fieldErrors) are
 * shown in the same place. Without JavaScript the form simply posts.
 */
export function useValidatedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { defaultValues?: Record<string, string>; serverErrors?: FieldErrors },
) {
  const submit = useSubmit();
  const form = useForm<z.input<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>>,
    defaultValues: options.defaultValues as never,
    // Validate on submit, then on every change: tabbing through an empty form marks nothing.
    mode: "onSubmit",
    reValidateMode: "onChange",
    // the error summary takes focus, as on every other form (ActionForm)
    shouldFocusError: false,
  });
  // what the check found when the person pressed the button, for the form's error summary
  const [found, setFound] = useState<Record<string, string> | null>(null);
  const errorFor = (name: string): string | undefined => {
    const clientError = (form.formState.errors as Record<string, { message?: string } | undefined>)[name];
    if (clientError?.message) return clientError.message;
    // The server's verdict stands until the person changes that field.
    const dirty = (form.formState.dirtyFields as Record<string, unknown>)[name];
    return dirty ? undefined : options.serverErrors?.[name];
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // the pressed button travels with the form (its name/value tells the action which intent)
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const target = submitter instanceof HTMLButtonElement ? submitter : event.currentTarget;
    void form.handleSubmit(
      () => {
        setFound(null);
        submit(target);
      },
      (errors) => setFound(Object.fromEntries(Object.entries(errors).flatMap(([name, e]) => (typeof e?.message === "string" ? [[name, e.message]] : [])))),
    )(event);
  };
  // react-hook-form fills its inputs only after hydration. The server-rendered HTML must carry
  // the values too, or a form used before (or without) JavaScript would post empty fields.
  const register = ((name: string, registerOptions?: object) => {
    const value = (options.defaultValues as Record<string, unknown> | undefined)?.[name];
    const field = form.register(name as never, registerOptions);
    return typeof value === "string" ? { ...field, defaultValue: value } : field;
  }) as typeof form.register;
  return { form, register, errorFor, onSubmit, found };
}
