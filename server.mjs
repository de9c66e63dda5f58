// Production server: Express serves the built assets and hands everything else to Remix.
// It puts the client address and a request id into Remix's load context (rate limits, audit).
// One worker process per core (WEB_CONCURRENCY, default: the cores Node may use), started and
// watched by a small primary process (Node's cluster): it passes connections to the workers in
// turn, relays what each writes to the others (change-bus.server.ts), starts a worker again when
// one dies, restarts them one by one on SIGHUP and stops them gracefully on SIGTERM/SIGINT.
// Decision 0017.
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

// The database, stored files, uploads, mail and backups hold personal information: what this
// server creates is readable by its own user only (0600 files, 0700 folders).
process.umask(0o077);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const workers = Math.max(
  1,
  Number(process.env.WEB_CONCURRENCY) || os.availableParallelism()
);
/** Headers every answer carries unless the app's response sets its own. */
const DEFAULT_HEADERS = ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "cross-origin-opener-policy", "cross-origin-resource-policy", "cache-control"];
/** A worker that stops with this code found the settings unusable: starting it again cannot help. */
const SETTINGS_UNUSABLE = 78;
/** How long a stopping server lets requests in flight finish. */
const DRAIN_MS = Math.max(1_000, Number(process.env.DRAIN_MS) || 8_000);
/**
 * V8 heap flags of each worker (decision 0020, `npm run bench -- --parts memory`): with V8's
 * defaults a worker's garbage grew to ~300 MB resident under load; these keep it near 200 MB at
 * national scale, with the year's progress export still made. `WORKER_HEAP=""` keeps V8's
 * defaults; heap flags in NODE_OPTIONS win. A single process (WEB_CONCURRENCY=1) runs with the
 * flags Node was started with.
 */
const WORKER_HEAP = process.env.WORKER_HEAP ?? "--max-old-space-size=96 --max-semi-space-size=4";
/**
 * glibc's malloc arenas of each worker: by default one per thread (V8's GC and compiler threads,
 * libuv's pool), each keeping freed memory — ~20 MB more resident under load. One arena kept the
 * worker at ~200 MB with the same req/s (decision 0021). MALLOC_ARENA_MAX set for the server wins.
 */
const WORKER_MALLOC_ARENA_MAX = process.env.MALLOC_ARENA_MAX ?? "1";
const heapFlags = () =>
  /--max-(old|semi)-space-size/.test(`${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`) ? [] : WORKER_HEAP.split(/\s+/).filter(Boolean);

if (cluster.isPrimary && workers > 1) {
  runPrimary();
} else {
  await runServer();
}

function runPrimary() {
  // workers run this file itself, not the script that imported it (npm start's scripts/start.mjs
  // prepares the database once, in the primary)
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: [...process.execArgv, ...heapFlags()] });
  let stopping = false;
  const relay = (from, message) => {
    if (!message || typeof message.damChange !== "string") return;
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== from && worker.isConnected())
        worker.send(message);
  };
  const fork = () => {
    const worker = cluster.fork({ DAM_WORKER: "1", MALLOC_ARENA_MAX: WORKER_MALLOC_ARENA_MAX });
    worker.on("message", (message) => relay(worker, message));
    return worker;
  };
  let failures = 0;
  cluster.on("exit", (worker, code, signal) => {
    if (stopping || worker.exitedAfterDisconnect || worker.replaced) return;
    if (code === SETTINGS_UNUSABLE) {
      process.stderr.write("A worker found the settings unusable; stopping.\n");
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {}))
        other?.kill("SIGTERM");
      process.exitCode = SETTINGS_UNUSABLE;
      return;
    }
    failures++;
    process.stderr.write(
      `worker ${worker.process.pid} stopped (${
        signal ?? code
      }); starting another\n`
    );
    setTimeout(fork, Math.min(30_000, 200 * 2 ** Math.min(failures, 7)));
  });
  let listening = 0;
  cluster.on("listening", () => {
    listening++;
    if (listening === workers)
      process.stdout.write(
        `Data Academy Manager: http://localhost:${port} (${workers} worker processes)\n`
      );
  });
  for (let i = 0; i < workers; i++) fork();

  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter(Boolean);
    if (alive.length === 0) process.exit(process.exitCode ?? 0);
    let left = alive.length;
    for (const worker of alive) {
      worker.once("exit", () => {
        if (--left === 0) process.exit(process.exitCode ?? 0);
      });
      worker.process.kill("SIGTERM");
    }
    setTimeout(
      () => process.exit(process.exitCode ?? 0),
      DRAIN_MS + 2_000
    ).unref();
  };
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
  // SIGHUP: a new build or new settings, no downtime — each worker is replaced by a new one that
  // listens before the old one drains.
  process.on("SIGHUP", async () => {
    for (const old of Object.values(cluster.workers ?? {})) {
      if (!old || stopping) continue;
      const fresh = fork();
      await new Promise((resolve) => fresh.once("listening", resolve));
      old.replaced = true;
      await new Promise((resolve) => {
        old.once("exit", resolve);
        old.process.kill("SIGTERM");
      });
    }
  });
}

async function runServer() {
  globalThis.__damServerManaged = true;
  const build = await import(path.resolve("build/server/index.js"));
  try {
    build.entry.module.startup();
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n`
    );
    process.exit(SETTINGS_UNUSABLE);
  }
  let draining = false;

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy set TRUST_PROXY (e.g. "loopback") so req.ip is the client's address.
  app.set("trust proxy", process.env.TRUST_PROXY ?? false);
  // Live streams (a retrospective board's Server-Sent Events) must reach the browser as they are
  // written; compressing them would hold events back in the compressor's buffer.
  app.use(
    compression({
      filter: (req, res) =>
        !String(res.getHeader("Content-Type") ?? "").startsWith(
          "text/event-stream"
        ) && compression.filter(req, res),
    })
  );
  app.use((req, res, next) => {
    // The headers below are defaults; where the app's response sets one too (a download's
    // Cache-Control, say) Remix appends it, and the response must carry it once: the app's.
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      for (const name of DEFAULT_HEADERS) {
        const value = res.getHeader(name);
        if (Array.isArray(value)) res.setHeader(name, value.at(-1));
      }
      return writeHead.apply(this, args);
    };
    // A proxy's request id is kept only when it looks like one (bounded, no control characters).
    const given = req.get("x-request-id");
    res.locals.requestId =
      given && /^[A-Za-z0-9._:-]{1,64}$/.test(given)
        ? given
        : crypto.randomUUID();
    res.set("X-Request-Id", res.locals.requestId);
    // An answer given before the whole body arrived (a refused upload or form): close the
    // connection once the answer is out instead of reading the rest of the body.
    res.on("finish", () => {
      if (!req.complete) req.socket.destroySoon();
    });
    if (draining) res.set("Connection", "close");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "same-origin");
    res.set("X-Frame-Options", "DENY");
    res.set(
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
    );
    res.set("Cross-Origin-Opener-Policy", "same-origin");
    res.set("Cross-Origin-Resource-Policy", "same-origin");
    // Pages and data carry personal information: never stored by a shared cache or the browser's
    // back-forward cache of another user. Hashed assets below override this with immutable caching.
    if (!req.path.startsWith("/assets/"))
      res.set("Cache-Control", "private, no-store");
    // Everything is served from this origin: no CDN, no web fonts, no analytics (LGWAN).
    // Scripts run only from this origin or with this response's nonce (Remix's inline hydration data).
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.set(
      "Content-Security-Policy",
      `default-src 'self'; script-src 'self' 'nonce-${res.locals.cspNonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'`
    );
    next();
  });
  // Requests that change something: refuse bodies no form of the app can need (the largest is an
  // upload: a file of DELIVERABLE_MAX_FILE_MB, default 50, plus room; each action also counts what
  // arrives), and requests another site's page made the browser send (CSRF). Same-origin forms
  // carry an Origin header; clients that send none are judged by Sec-Fetch-Site. The app answers
  // with its own pages for everything else. Keep in step with uploadMaxBodyBytes (env.server.ts).
  const MAX_BODY_BYTES =
    Math.max(60, (Number(process.env.DELIVERABLE_MAX_FILE_MB) || 50) + 10) *
    1024 *
    1024;
  const appOrigin = process.env.APP_URL
    ? new URL(process.env.APP_URL).origin
    : null;
  function refuse(res, status, ja, en) {
    res
      .status(status)
      .type("html")
      .send(
        `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${ja}</title></head><body><h1>${ja}</h1><p lang="en">${en}</p><p><a href="/">トップページへ戻る / Back to the start page</a></p></body></html>`
      );
  }
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const length = Number(req.get("content-length") ?? "0");
    if (length > MAX_BODY_BYTES) {
      res.set("Connection", "close");
      return refuse(res, 413, "送信内容が大きすぎます", "Too much was sent.");
    }
    const origin = req.get("origin");
    const sameOrigin =
      origin === `${req.protocol}://${req.get("host")}` ||
      (appOrigin !== null && origin === appOrigin);
    if (
      origin !== undefined
        ? !sameOrigin
        : req.get("sec-fetch-site") === "cross-site"
    ) {
      return refuse(
        res,
        403,
        "他のサイトからの送信は受け付けません",
        "Requests sent from another site are refused."
      );
    }
    next();
  });
  // The benchmark reads how many SQL statements the app has sent (counting is on only then).
  if (process.env.DAM_COUNT_SQL === "1") {
    app.get("/__bench/sql", (_req, res) =>
      res.json({ statements: globalThis.__damSqlStatements ?? 0 })
    );
    // as if something had been written: the figures the app keeps are counted again (read-cache.server.ts)
    app.post("/__bench/forget", (_req, res) => {
      globalThis.__damForgetKeptReads?.();
      res.json({ forgotten: true });
    });
    // one real write (an attendance recorded again, db.server.ts): the "after a write" rows
    app.post("/__bench/write", async (_req, res, next) => {
      try {
        await globalThis.__damBenchWrite?.();
        res.json({ written: true });
      } catch (error) {
        next(error);
      }
    });
  }
  app.use(
    "/assets",
    express.static("build/client/assets", { immutable: true, maxAge: "1y" })
  );
  app.use(express.static("build/client", { maxAge: "1h" }));
  const remixHandler = createRequestHandler({
    build,
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? "unknown",
      requestId: res.locals.requestId,
      cspNonce: res.locals.cspNonce,
    }),
  });
  // Each request gets its own scope (app/utils/request-scope.server.ts: the same storage, found by
  // its symbol), so the loaders of one page share what they looked up once (the signed-in user).
  const requestScope = (globalThis[
    Symbol.for("data-academy-manager.request-scope")
  ] ??= new AsyncLocalStorage());
  app.all("*", (req, res, next) =>
    requestScope.run(new Map(), () => remixHandler(req, res, next))
  );

  const server = app.listen(port, host, () => {
    if (!cluster.isWorker)
      process.stdout.write(`Data Academy Manager: http://localhost:${port}\n`);
  });

  // Stopping (SIGTERM from the primary, systemd or a rolling restart): no new connections; live
  // boards' streams are told to reconnect (the browser comes back through the proxy to a server
  // that runs); requests in flight finish, idle keep-alive connections close; after DRAIN_MS what
  // is left is cut. The process ends within a few seconds, not when the last browser goes.
  const drain = () => {
    if (draining) return;
    draining = true;
    server.close(() => process.exit(0));
    globalThis.__damEndLiveStreams?.();
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    idle.unref();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, DRAIN_MS).unref();
  };
  process.on("SIGTERM", drain);
  process.on("SIGINT", drain);
}
