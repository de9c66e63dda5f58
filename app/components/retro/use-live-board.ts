import { useEffect, useState } from "react";

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Follows a board over Server-Sent Events: each event carries the whole board as this viewer may
 * see it (the server cuts it per person), so nothing is fetched again. The newest of the stream's
 * view and the page's own (after this person's action Remix reloads it) is shown. EventSource
 * reconnects by itself after a network drop or a server's restart, and the server sends the
 * current view at once, so nothing missed while offline stays missed.
 */
export function useLiveBoard<V extends { retro: { revision: number } }>(url: string, loaded: V): { view: V; state: LiveState; watching: number | null } {
  const [state, setState] = useState<LiveState>("connecting");
  const [streamed, setStreamed] = useState<V | null>(null);
  const [watching, setWatching] = useState<number | null>(null);

  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setState("live");
    source.onerror = () => setState("reconnecting");
    source.addEventListener("board", (event) => {
      setState("live");
      try {
        const view = JSON.parse((event as MessageEvent<string>).data) as V;
        setStreamed((known) => (known && known.retro.revision > view.retro.revision ? known : view));
      } catch {
        // a cut-off event: the next one (or the reconnect) brings the whole board again
      }
    });
    source.addEventListener("presence", (event) => {
      try {
        const { watching: count } = JSON.parse((event as MessageEvent<string>).data) as { watching: number };
        if (Number.isInteger(count)) setWatching(count);
      } catch {
        // the next presence event says it again
      }
    });
    source.addEventListener("restart", () => setState("reconnecting"));
    source.addEventListener("gone", () => source.close());
    return () => source.close();
  }, [url]);

  const view = streamed && streamed.retro.revision >= loaded.retro.revision ? streamed : loaded;
  return { view, state, watching };
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
