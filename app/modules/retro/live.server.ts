import { prisma } from "~/utils/db.server";
import { onChange, publish, PROCESS_ID } from "~/utils/change-bus.server";
import type { RetroAccess } from "./access.server";
import { readSharedBoard, viewFor, type SharedBoard } from "./board.server";

// Live boards over Server-Sent Events (decision 0017). A change to a board bumps its revision and
// is told to every process (change-bus.server.ts). Each process keeps, per board someone watches
// here, the board's shared state of the latest revision: read ONCE per change however many
// people watch, then cut for each viewer (viewFor: their own hidden cards, their votes — a few
// array filters) and sent to them on their stream as the whole view. Nobody receives another
// person's unrevealed card: the cut happens here, per viewer, before anything is written.
// A viewer who connects (or reconnects, after a network drop or a server's restart) gets the
// current view at once. A slow poll of the revision (a primary-key lookup) catches what the bus
// cannot tell (a restore). The view says how many have written a card (and who, on a named board);
// presence — how many people have the board open, on any server — travels as its own small event:
// each process tells the others who watches a board here when that changes and every 15 s.

const POLL_MS = 5_000;
const PRESENCE_EVERY_MS = 15_000;
/** A process not heard of for this long has stopped: its viewers no longer count. */
const PRESENCE_FORGET_MS = 40_000;
const HEARTBEAT_MS = 15_000;
const STREAM_MAX_MS = 10 * 60_000;

type BoardRetro = RetroAccess["retro"];
type Send = (event: string, data: string) => void;
interface Viewer {
  access: Pick<RetroAccess, "role" | "userId">;
  send: Send;
  close: () => void;
}
interface Hub {
  retro: BoardRetro;
  viewers: Set<Viewer>;
  /** The shared state of `revision` (or its computation under way). */
  shared: { revision: number; value: Promise<SharedBoard> } | null;
  refreshing: Promise<void> | null;
  again: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  /** The revision last sent to the viewers. */
  sent: number | null;
}

interface LiveState {
  hubs: Map<string, Hub>;
  /** Per board: who watches it in other processes, and when that was said. */
  elsewhere: Map<string, Map<string, { users: string[]; at: number }>>;
  /** First views being computed for newcomers. */
  pending: Set<Promise<unknown>>;
  /** The count each board's viewers here were last told. */
  told: Map<string, number>;
  presenceTimer: ReturnType<typeof setInterval> | null;
  streams: Set<Viewer>;
  unsubscribe: (() => void) | null;
  draining: boolean;
  computations: number;
}
const live: LiveState = ((globalThis as { __damLiveBoards?: LiveState }).__damLiveBoards ??= {
  hubs: new Map(),
  elsewhere: new Map(),
  pending: new Set(),
  told: new Map(),
  presenceTimer: null,
  streams: new Set(),
  unsubscribe: null,
  draining: false,
  computations: 0,
});

function listen() {
  live.unsubscribe ??= onChange((change) => {
    if (change.kind === "board") {
      const hub = live.hubs.get(change.retroId);
      if (hub) void refresh(hub, change.revision);
    } else if (change.kind === "presence") {
      if (change.process === PROCESS_ID) return;
      const board = live.elsewhere.get(change.retroId) ?? new Map<string, { users: string[]; at: number }>();
      if (change.users.length === 0) board.delete(change.process);
      else board.set(change.process, { users: change.users, at: Date.now() });
      if (board.size === 0) live.elsewhere.delete(change.retroId);
      else live.elsewhere.set(change.retroId, board);
      tellPresence(change.retroId);
    } else if (change.kind === "resync") {
      for (const hub of live.hubs.values()) void refresh(hub, undefined);
    }
  });
  live.presenceTimer ??= setInterval(() => {
    for (const retroId of live.hubs.keys()) announcePresence(retroId);
    // what processes that stopped said (they never say "nobody" any more) goes after a while
    const now = Date.now();
    for (const [retroId, board] of live.elsewhere) {
      for (const [process, entry] of board) if (now - entry.at > PRESENCE_FORGET_MS) board.delete(process);
      if (board.size === 0) live.elsewhere.delete(retroId);
    }
    for (const retroId of live.hubs.keys()) tellPresence(retroId);
  }, PRESENCE_EVERY_MS);
  live.presenceTimer.unref?.();
}

/** Tell the other processes who watches this board here (an empty list: nobody any more). */
function announcePresence(retroId: string) {
  const hub = live.hubs.get(retroId);
  const users = hub ? [...new Set([...hub.viewers].map((v) => v.access.userId))] : [];
  publish({ kind: "presence", retroId, process: PROCESS_ID, users });
}

/** How many people have the board open, in every process heard of lately. */
export function watching(retroId: string) {
  const users = new Set<string>();
  for (const v of live.hubs.get(retroId)?.viewers ?? []) users.add(v.access.userId);
  const now = Date.now();
  for (const [process, entry] of live.elsewhere.get(retroId) ?? []) {
    if (now - entry.at > PRESENCE_FORGET_MS) live.elsewhere.get(retroId)?.delete(process);
    else for (const u of entry.users) users.add(u);
  }
  return users.size;
}

/** Send the viewers here the count when it changed. */
function tellPresence(retroId: string) {
  const hub = live.hubs.get(retroId);
  if (!hub) {
    live.told.delete(retroId);
    return;
  }
  const count = watching(retroId);
  if (live.told.get(retroId) === count) return;
  live.told.set(retroId, count);
  const data = JSON.stringify({ watching: count });
  for (const viewer of hub.viewers) viewer.send("presence", data);
}

/** The shared state at the board's current revision; computed once per revision per process. */
export async function sharedBoardAt(retro: BoardRetro): Promise<SharedBoard> {
  const hub = live.hubs.get(retro.id);
  if (hub?.shared && hub.shared.revision === retro.revision) return hub.shared.value;
  const value = compute(retro);
  if (hub && (!hub.shared || hub.shared.revision < retro.revision)) {
    hub.shared = { revision: retro.revision, value };
    value.catch(() => {
      if (hub.shared?.value === value) hub.shared = null;
    });
  }
  return value;
}

function compute(retro: BoardRetro) {
  live.computations++;
  return readSharedBoard(retro);
}

/** The board for one viewer (the page's loader, exports): the shared state of its revision, cut for them. */
export async function boardView(access: RetroAccess) {
  return viewFor(await sharedBoardAt(access.retro), access);
}

/** After a committed change of a board: every process's viewers get the new state. */
export function boardChanged(retroId: string, revision: number | null) {
  publish({ kind: "board", retroId, revision });
}

/**
 * Bring a hub's viewers to the board's latest revision. Changes arriving while it is at work are
 * folded into one more round, so a burst of cards costs two reads, not one per card.
 */
function refresh(hub: Hub, told: number | null | undefined): Promise<void> {
  if (told !== undefined && told !== null && hub.sent !== null && told <= hub.sent) return hub.refreshing ?? Promise.resolve();
  if (hub.refreshing) {
    hub.again = true;
    return hub.refreshing;
  }
  hub.refreshing = (async () => {
    do {
      hub.again = false;
      // nobody watches any more (the last one left while this was waiting): nothing to read
      if (hub.viewers.size === 0) break;
      try {
        const row = await prisma.retrospective.findUnique({ where: { id: hub.retro.id }, select: { revision: true } });
        if (!row) {
          for (const viewer of hub.viewers) {
            viewer.send("gone", "");
            viewer.close();
          }
          continue;
        }
        if (row.revision === hub.sent) continue;
        hub.retro = { ...hub.retro, revision: row.revision };
        const shared = await sharedBoardAt(hub.retro);
        hub.sent = shared.retro.revision;
        for (const viewer of hub.viewers) sendView(viewer, shared);
      } catch (error) {
        console.error("live board refresh failed", hub.retro.id, error);
      }
    } while (hub.again && hub.viewers.size > 0);
    hub.refreshing = null;
  })();
  return hub.refreshing;
}

function sendView(viewer: Viewer, shared: SharedBoard) {
  viewer.send("board", JSON.stringify(viewFor(shared, viewer.access)));
}

function join(access: RetroAccess, viewer: Viewer): () => void {
  listen();
  let hub = live.hubs.get(access.retro.id);
  if (!hub) {
    hub = { retro: access.retro, viewers: new Set(), shared: null, refreshing: null, again: false, timer: null, sent: null };
    live.hubs.set(access.retro.id, hub);
    const h = hub;
    const poll = () => {
      if (h.viewers.size === 0) {
        live.hubs.delete(h.retro.id);
        return;
      }
      void refresh(h, undefined).finally(() => {
        h.timer = setTimeout(poll, POLL_MS);
        h.timer.unref?.();
      });
    };
    h.timer = setTimeout(poll, POLL_MS);
    h.timer.unref?.();
  }
  const before = new Set([...hub.viewers].map((v) => v.access.userId));
  hub.viewers.add(viewer);
  const h = hub;
  if (!before.has(access.userId)) announcePresence(h.retro.id);
  live.told.delete(h.retro.id);
  tellPresence(h.retro.id);
  // the newcomer gets the current state at once (from the kept shared state when it is current)
  const first = sharedBoardAt(access.retro)
    .then((shared) => {
      if (h.viewers.has(viewer)) sendView(viewer, shared);
      if (h.sent === null || shared.retro.revision > h.sent) h.sent = shared.retro.revision;
    })
    .catch((error: unknown) => console.error("live board first view failed", error))
    .finally(() => {
      if (h.viewers.has(viewer)) void refresh(h, undefined);
    });
  live.pending.add(first);
  void first.finally(() => live.pending.delete(first));
  return () => {
    h.viewers.delete(viewer);
    if (h.viewers.size === 0) {
      if (h.timer) clearTimeout(h.timer);
      live.hubs.delete(h.retro.id);
    }
    if (![...h.viewers].some((v) => v.access.userId === viewer.access.userId)) announcePresence(h.retro.id);
    tellPresence(h.retro.id);
  };
}

/** The board as an event stream for one viewer, ended when `signal` aborts. */
export function boardStream(signal: AbortSignal, access: RetroAccess): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const viewer: Viewer = {
        access: { role: access.role, userId: access.userId },
        send: (event, data) => write(`event: ${event}\ndata: ${data}\n\n`),
        close: () => stop(),
      };
      write("retry: 1500\n\n");
      if (live.draining) {
        // this server is stopping: the browser reconnects (to another server behind the proxy)
        write("event: restart\ndata: \n\n");
        closed = true;
        controller.close();
        return;
      }
      const leave = join(access, viewer);
      live.streams.add(viewer);
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      heartbeat.unref?.();
      const lifetime = setTimeout(() => stop(), STREAM_MAX_MS);
      lifetime.unref?.();
      stop = () => {
        if (closed) return;
        closed = true;
        leave();
        live.streams.delete(viewer);
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", () => stop());
    },
    cancel() {
      stop();
    },
  });
}

/**
 * The server is stopping (server.mjs on SIGTERM): every stream is told to reconnect and ended,
 * so the browsers come back at once through the proxy to a server that runs.
 */
export function endLiveStreams() {
  live.draining = true;
  for (const viewer of live.streams) {
    viewer.send("restart", "");
    viewer.close();
  }
}
// server.mjs reaches it from outside the build
(globalThis as { __damEndLiveStreams?: () => void }).__damEndLiveStreams = endLiveStreams;

/** Resolves when no board is being read (tests end only then: nothing reads after them). */
export async function liveSettled() {
  while (live.pending.size > 0 || [...live.hubs.values()].some((hub) => hub.refreshing)) {
    await Promise.all([...live.pending, ...[...live.hubs.values()].map((hub) => hub.refreshing)]);
  }
}

/** Boards watched in this process, open streams, and shared states computed so far (tests, bench). */
export function liveFigures() {
  return { boards: live.hubs.size, streams: live.streams.size, computations: live.computations };
}
