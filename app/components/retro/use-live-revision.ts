import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Follows a board's revision over Server-Sent Events and reloads the page's data when it moves.
 * EventSource reconnects by itself after a network drop; on reconnecting the server sends the
 * current revision, so nothing missed while offline stays missed.
 */
export function useLiveRevision(url: string, revision: number): LiveState {
  const revalidator = useRevalidator();
  const [state, setState] = useState<LiveState>("connecting");
  const seen = useRef(revision);
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  seen.current = Math.max(seen.current, revision);

  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setState("live");
    source.onerror = () => setState("reconnecting");
    source.addEventListener("revision", (event) => {
      setState("live");
      const next = Number((event as MessageEvent<string>).data);
      if (Number.isFinite(next) && next !== seen.current) {
        seen.current = next;
        revalidate.current();
      }
    });
    source.addEventListener("gone", () => source.close());
    return () => source.close();
  }, [url]);

  return state;
}

/** Seconds left until an instant, ticking once a second (null: no timer). */
export function useCountdown(endsAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [endsAt]);
  if (!endsAt) return null;
  return Math.max(0, Math.round((new Date(endsAt).getTime() - now) / 1000));
}
