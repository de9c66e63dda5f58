import type { ReactNode } from "react";

/**
 * What a link is about, shown before the person acts on it (an invitation, a sign-up): each term
 * above its detail, so long Japanese titles keep the box's width on a phone and on a narrow column.
 */
export function FactBox({ facts }: { facts: Array<{ term: string; detail: ReactNode } | null | false> }) {
  return (
    <dl className="flex flex-col rounded-8 bg-solid-gray-50 p-4">
      {facts.filter((f): f is { term: string; detail: ReactNode } => Boolean(f)).map((f) => (
        <div key={f.term} className="py-1">
          <dt className="font-bold">{f.term}</dt>
          <dd className="break-words">{f.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
