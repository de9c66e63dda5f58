import { prisma } from "~/utils/db.server";

// Live boards over Server-Sent Events. One poller per board, shared by everyone watching it,
// reads the board's revision twice a second (a primary-key lookup) and tells each open stream
// when it moves; the browser then reloads the board's data. Reading the database rather than an
// in-process event keeps this right when several app servers share one database (roadmap).
// A stream ends after STREAM_MAX_MS; EventSource reconnects by itself (also after a network drop)
// and gets the current revision at once.

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;
const STREAM_MAX_MS = 10 * 60_000;

type Listener = (revision: number | null) => void;
const pollers = new Map<string, { listeners: Set<Listener>; timer: ReturnType<typeof setTimeout> | null; last: number | null }>();

function watch(retroId: string, listener: Listener): () => void {
  let poller = pollers.get(retroId);
  if (!poller) {
    poller = { listeners: new Set(), timer: null, last: null };
    pollers.set(retroId, poller);
    const p = poller;
    const tick = async () => {
      let revision: number | null = null;
      try {
        const row = await prisma.retrospective.findUnique({ where: { id: retroId }, select: { revision: true } });
        revision = row ? row.revision : null;
      } catch {
        revision = null;
      }
      if (revision !== p.last) {
        p.last = revision;
        for (const l of p.listeners) l(revision);
      }
      if (p.listeners.size > 0) {
        p.timer = setTimeout(tick, POLL_MS);
        p.timer.unref?.();
      } else pollers.delete(retroId);
    };
    void tick();
  } else if (poller.last !== null) {
    listener(poller.last);
  }
  poller.listeners.add(listener);
  const p = poller;
  return () => {
    p.listeners.delete(listener);
  };
}

/** The board's revision as an event stream, ended when `signal` aborts. */
export function revisionStream(signal: AbortSignal, retroId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unwatch = watch(retroId, (revision) => {
        if (revision === null) {
          send("event: gone\ndata: \n\n");
          stop();
        } else send(`event: revision\ndata: ${revision}\n\n`);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      heartbeat.unref?.();
      const lifetime = setTimeout(() => stop(), STREAM_MAX_MS);
      lifetime.unref?.();
      stop = () => {
        if (closed) return;
        closed = true;
        unwatch();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", () => stop());
      send("retry: 1500\n\n");
    },
    cancel() {
      stop();
    },
  });
  return stream;
}

/** Open streams (for tests and the bench). */
export function watchedBoards(): number {
  return pollers.size;
}
