import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/utils/use-translation";
import { Button, type ButtonProps } from "./button";

/**
 * A submit button that asks first: the first press shows the question with "yes" and
 * "cancel" in place (focus moves to "yes"; Escape cancels). Before JavaScript has loaded the
 * button submits directly, so the page still works without it.
 */
export function ConfirmButton({ confirm, children, ...props }: ButtonProps & { confirm: string }) {
  const { t } = useTranslation();
  const [hydrated, setHydrated] = useState(false);
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!hydrated) return <Button type="submit" {...props}>{children}</Button>;
  if (!asking) {
    return (
      <Button {...props} type="button" onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <span
      role="group"
      aria-label={confirm}
      className="inline-flex flex-wrap items-center gap-2 rounded-8 bg-yellow-50 px-2 py-1"
      onKeyDown={(e) => {
        if (e.key === "Escape") setAsking(false);
      }}
    >
      <span className="text-dns-16B-130">{confirm}</span>
      <Button ref={yes} type="submit" size="sm" variant={props.variant === "danger" ? "danger" : "primary"} name={props.name} value={props.value}>
        {t("form.confirmYes")}
      </Button>
      <Button type="button" size="sm" variant="tertiary" onClick={() => setAsking(false)}>
        {t("form.cancel")}
      </Button>
    </span>
  );
}
