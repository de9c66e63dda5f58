import { useEffect, useRef, type ReactNode } from "react";
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "~/utils/use-translation";

/** A form that posts without leaving the board, shows a refusal next to itself and clears after success. */
export function BoardForm({
  intent,
  children,
  className = "",
  label,
  resetOnSuccess = false,
  clearOn,
}: {
  intent: string;
  children: ReactNode;
  className?: string;
  label?: string;
  resetOnSuccess?: boolean;
  /** a refusal is no longer shown once this value changes (a vote limit, after the next good vote elsewhere) */
  clearOn?: unknown;
}) {
  const fetcher = useFetcher<{ ok: boolean; reason: string | null }>();
  const { t } = useTranslation();
  const ref = useRef<HTMLFormElement>(null);
  const refusedAt = useRef<{ data: unknown; clearOn: unknown } | null>(null);
  useEffect(() => {
    if (resetOnSuccess && fetcher.state === "idle" && fetcher.data?.ok) ref.current?.reset();
  }, [fetcher.state, fetcher.data, resetOnSuccess]);
  if (fetcher.data && !fetcher.data.ok && refusedAt.current?.data !== fetcher.data) refusedAt.current = { data: fetcher.data, clearOn };
  const stale = refusedAt.current !== null && refusedAt.current.data === fetcher.data && refusedAt.current.clearOn !== clearOn;
  return (
    <fetcher.Form ref={ref} method="post" className={className} aria-label={label} aria-busy={fetcher.state !== "idle"}>
      <input type="hidden" name="intent" value={intent} />
      {children}
      {fetcher.state === "idle" && fetcher.data && !fetcher.data.ok && fetcher.data.reason && !stale ? (
        <p role="alert" className="basis-full text-dns-16N-130 text-error-2">
          {t(fetcher.data.reason)}
        </p>
      ) : null}
    </fetcher.Form>
  );
}

export function SmallButton({ children, variant = "secondary", ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger" }) {
  const look =
    variant === "primary" ? "bg-blue-900 text-white border-blue-900" : variant === "danger" ? "bg-white text-error-2 border-error-2" : "bg-white text-blue-900 border-blue-900";
  return (
    <button
      type="submit"
      className={`inline-flex min-h-11 items-center justify-center rounded-8 border-2 px-3 text-dns-16B-120 ${look} disabled:cursor-not-allowed disabled:border-solid-gray-420 disabled:bg-solid-gray-100 disabled:text-solid-gray-600`}
      {...props}
    >
      {children}
    </button>
  );
}

export function Card({ text, meta, children, draggableId }: { text: string; meta?: string | null; children?: ReactNode; draggableId?: string }) {
  return (
    <li
      className="flex flex-col gap-2 rounded-8 border border-solid-gray-420 bg-white p-3 shadow-sm"
      draggable={draggableId ? true : undefined}
      onDragStart={draggableId ? (e) => e.dataTransfer.setData("text/plain", draggableId) : undefined}
    >
      <p className="whitespace-pre-wrap break-words">{text}</p>
      {meta ? <p className="text-dns-14N-130 text-solid-gray-700">{meta}</p> : null}
      {children}
    </li>
  );
}

export function formatSeconds(total: number) {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}
