import crypto from "node:crypto";
import pg from "pg";
import { env } from "./env.server";
import { providerOf } from "./db-client.server";

// What one process writes, told to every other process and server that shares the database, so
// kept figures (read-cache.server.ts) and live boards (retro/live.server.ts) follow writes made
// elsewhere at once (decision 0017). The message says only what changed — table names, a board's
// revision — never data.
//   PostgreSQL: LISTEN/NOTIFY on one channel (every process of every server listens).
//   SQLite: the processes of one machine (server.mjs's workers) pass it through the primary
//   process. One process alone: nothing to tell.
// A process that lost its PostgreSQL listener (restart of the database, network) cannot know what
// it missed: when it listens again it is told "everything changed" and every board looks again.

export type Change =
  | { kind: "write"; tables: string[] | "everything" }
  | { kind: "board"; retroId: string; revision: number | null }
  /** Who watches a board in one process (sent when it changes, and every 15 s while anyone does). */
  | { kind: "presence"; retroId: string; process: string; users: string[] }
  /** Messages may have been missed: forget every kept figure, look at every board again. */
  | { kind: "resync" };

type Listener = (change: Change, fromHere: boolean) => void;

const CHANNEL = "dam_changes";
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD = 7_000;
const processId = crypto.randomUUID();
/** This process, as named in presence messages. */
export const PROCESS_ID = processId;

interface State {
  listeners: Set<Listener>;
  transport: Transport | null;
  started: boolean;
  pendingTables: Set<string>;
  pendingEverything: boolean;
  flushScheduled: boolean;
}
const state: State = ((globalThis as { __damChangeBus?: State }).__damChangeBus ??= {
  listeners: new Set(),
  transport: null,
  started: false,
  pendingTables: new Set(),
  pendingEverything: false,
  flushScheduled: false,
});

interface Transport {
  name: "postgresql" | "workers";
  send(change: Change): void;
  close(): Promise<void>;
}

/** A change told by another process (the transports; tests stand in for another process with it). */
export function receivedFromElsewhere(change: Change) {
  dispatch(change, false);
}

function dispatch(change: Change, fromHere: boolean) {
  for (const listener of state.listeners) {
    try {
      listener(change, fromHere);
    } catch (error) {
      console.error("change listener failed", error);
    }
  }
}

/** Listen to changes made here and elsewhere. Returns a function that stops listening. */
export function onChange(listener: Listener): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** Tell this process and every other one. Writes of one moment travel as one message. */
export function publish(change: Change) {
  if (change.kind === "write") {
    if (change.tables === "everything") state.pendingEverything = true;
    else for (const table of change.tables) state.pendingTables.add(table);
    if (!state.flushScheduled && state.transport) {
      state.flushScheduled = true;
      setImmediate(flushWrites);
    }
    return;
  }
  dispatch(change, true);
  state.transport?.send(change);
}

function flushWrites() {
  state.flushScheduled = false;
  const tables: string[] | "everything" = state.pendingEverything ? "everything" : [...state.pendingTables];
  state.pendingEverything = false;
  state.pendingTables.clear();
  if (tables.length === 0) return;
  state.transport?.send({ kind: "write", tables });
}

/**
 * Choose the transport once, when a server process starts (entry.server.tsx's startup; scripts
 * such as the seed or a backup never listen, so they end when their work ends): PostgreSQL when
 * the database is PostgreSQL (across servers), the primary process when this is one of
 * server.mjs's workers, nothing otherwise.
 */
export function startChangeBus() {
  if (state.started) return;
  state.started = true;
  if (!env().changeBusOn) return;
  const url = env().databaseUrl;
  if (providerOf(url) === "postgresql") state.transport = new PgChannel(url, (change) => dispatch(change, false));
  else if (env().isWorker && typeof process.send === "function") state.transport = workersTransport();
}

export async function stopChangeBus() {
  const transport = state.transport;
  state.transport = null;
  state.started = false;
  await transport?.close();
}

function encode(change: Change, from = processId): string | null {
  const text = JSON.stringify({ from, change });
  if (Buffer.byteLength(text) <= MAX_PAYLOAD) return text;
  // a write to very many tables: say "everything" rather than cut the list
  return change.kind === "write" ? JSON.stringify({ from, change: { kind: "write", tables: "everything" } }) : null;
}

function decode(text: string): { from: string; change: Change } | null {
  try {
    const value = JSON.parse(text) as { from?: unknown; change?: { kind?: unknown } };
    if (typeof value.from !== "string" || !value.change || typeof value.change.kind !== "string") return null;
    return value as { from: string; change: Change };
  } catch {
    return null;
  }
}

function workersTransport(): Transport {
  const onMessage = (message: unknown) => {
    const text = (message as { damChange?: unknown } | null)?.damChange;
    if (typeof text !== "string") return;
    const decoded = decode(text);
    if (decoded && decoded.from !== processId) dispatch(decoded.change, false);
  };
  process.on("message", onMessage);
  return {
    name: "workers",
    send(change) {
      const text = encode(change);
      if (text && process.connected) process.send?.({ damChange: text });
    },
    async close() {
      process.off("message", onMessage);
    },
  };
}

/**
 * One connection per process that LISTENs, and NOTIFYs what this process wrote (delivered by
 * PostgreSQL to every listener, in order, once committed). Reconnects after a second, then says
 * "resync" to this process: what was sent meanwhile is unknown.
 */
export class PgChannel implements Transport {
  readonly name = "postgresql" as const;
  private client: pg.Client | null = null;
  private closed = false;
  private queue: string[] = [];
  private ready: Promise<void> | null = null;
  /** Who sends (one channel per process in the app; tests open several in one process). */
  private readonly origin = crypto.randomUUID();

  constructor(
    private readonly url: string,
    private readonly receive: (change: Change) => void,
    private readonly applicationName = "dam-changes",
  ) {
    this.ready = this.connect(false);
  }

  private async connect(again: boolean): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: this.applicationName });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const decoded = decode(message.payload);
      if (decoded && decoded.from !== this.origin) this.receive(decoded.change);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      client.removeAllListeners("end");
      client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.connect(true), 1_000).unref();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    if (again) this.receive({ kind: "resync" });
    const waiting = this.queue.splice(0);
    for (const text of waiting) this.notify(text);
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("end");
    client.end().catch(() => {});
    if (!this.closed) setTimeout(() => void this.connect(true), 1_000).unref();
  }

  private notify(text: string) {
    const client = this.client;
    if (!client) {
      // kept while the connection is being made again; bounded (the listeners resync anyway)
      if (this.queue.length < 1_000) this.queue.push(text);
      return;
    }
    client.query("SELECT pg_notify($1, $2)", [CHANNEL, text]).catch(() => this.lost(client));
  }

  /** Resolves once the channel listens (tests). */
  async listening() {
    await this.ready;
  }

  send(change: Change) {
    const text = encode(change, this.origin);
    if (text) this.notify(text);
  }

  async close() {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners("end");
      await client.end().catch(() => {});
    }
  }
}
