// The live-room and scale-out parts of `npm run bench` (scripts/bench.mjs passes its helpers).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const percentile = (sorted, p) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
const round = (v) => (v === null ? null : Math.round(v));

/** A copy of the seeded data for one run (dropped by `done`). */
async function copyOf(h, dataset, database, suffix) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `dam-bench-${suffix}-`));
  if (database === "postgresql") {
    const name = `${dataset.database}_${suffix}`;
    await h.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await h.admin(`CREATE DATABASE "${name}" TEMPLATE "${dataset.database}"`);
    return {
      work,
      databaseUrl: h.postgresUrl(name),
      done: async () => {
        fs.rmSync(work, { recursive: true, force: true });
        await h.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const file = path.join(work, "app.db");
  fs.copyFileSync(dataset.file, file);
  return { work, databaseUrl: `file:${file}`, done: async () => fs.rmSync(work, { recursive: true, force: true }) };
}

async function startServer(h, { databaseUrl, work, workers, extraEnv = {} }) {
  const port = await h.freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      DATA_DIR: work,
      JOBS: "off",
      NODE_ENV: "production",
      SESSION_SECRET: h.SECRET,
      WEB_CONCURRENCY: String(workers),
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await h.waitForServer(`${base}/login`, started);
  return {
    base,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** CPU seconds used so far by a process and its children (server.mjs's workers). */
function cpuSeconds(pid) {
  const tick = 100;
  const own = (p) => {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      return (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      return 0;
    }
  };
  let children = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean);
  } catch {
    children = [];
  }
  return own(pid) + children.reduce((sum, c) => sum + cpuSeconds(Number(c)), 0);
}

/** A viewer: the board's event stream, recording when each revision arrived. */
function watch(base, boardPath, cookie, onGone) {
  const arrivals = [];
  let buffer = "";
  let req;
  let closed = false;
  let drops = 0;
  const connect = () => {
    req = http.get(`${base}${boardPath}/events`, { headers: { cookie, accept: "text/event-stream" } }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.startsWith("event: board\n")) {
            const m = /"revision":(\d+)/.exec(block);
            if (m) arrivals.push({ revision: Number(m[1]), at: performance.now() });
          } else if (block.startsWith("event: gone")) onGone?.();
        }
      });
      res.on("end", () => {
        if (!closed) {
          drops++;
          setTimeout(connect, 300);
        }
      });
    });
    req.on("error", () => {
      if (!closed) {
        drops++;
        setTimeout(connect, 300);
      }
    });
  };
  connect();
  return {
    arrivals,
    drops: () => drops,
    close() {
      closed = true;
      req?.destroy();
    },
  };
}

function post(base, pathname, cookie, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request(
      `${base}${pathname}`,
      { method: "POST", headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode, text, ms: performance.now() - started }));
      },
    );
    req.on("error", () => resolve({ status: 0, text: "", ms: performance.now() - started }));
    req.end(body);
  });
}

function get(base, pathname, cookie) {
  return new Promise((resolve) => {
    http
      .get(`${base}${pathname}`, { headers: { cookie } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode));
      })
      .on("error", () => resolve(0));
  });
}

/**
 * B boards × P people: everyone watches their board's stream; everyone writes a card every W s
 * (spread over the interval), as the browser does it: the action over single fetch (`.data`),
 * then the page's data again (Remix revalidates after an action). A write's latency is from the
 * moment it is sent until every viewer of its board has a revision that includes it.
 */
export async function liveRoom(h, dataset, database, { boards, people, writeEveryS, seconds }) {
  const copy = await copyOf(h, dataset, database, "live");
  const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-live-setup.ts", String(boards), String(people)], {
    env: { ...process.env, DATABASE_URL: copy.databaseUrl, DATA_DIR: copy.work, SESSION_SECRET: h.SECRET },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (setup.status !== 0) throw new Error(`live-room setup failed:\n${setup.stderr}`);
  const rooms = JSON.parse(setup.stdout.trim().split("\n").at(-1));
  const workers = os.availableParallelism();
  const server = await startServer(h, { databaseUrl: copy.databaseUrl, work: copy.work, workers });
  try {
    const viewers = [];
    for (const room of rooms) {
      const boardPath = `/academies/${room.academyId}/retros/${room.retroId}`;
      room.viewers = room.cookies.map((cookie) => watch(server.base, boardPath, cookie));
      viewers.push(...room.viewers);
    }
    // everyone has the board before the writing starts
    const ready = performance.now() + 30_000;
    while (viewers.some((v) => v.arrivals.length === 0) && performance.now() < ready) await new Promise((r) => setTimeout(r, 100));
    const cpuBefore = cpuSeconds(server.pid);
    const wallBefore = performance.now();
    const writes = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    const writers = [];
    for (const room of rooms) {
      const boardPath = `/academies/${room.academyId}/retros/${room.retroId}`;
      room.cookies.forEach((cookie, i) => {
        writers.push(
          (async () => {
            await new Promise((r) => setTimeout(r, Math.random() * writeEveryS * 1000));
            let n = 0;
            while (performance.now() < end) {
              const sent = performance.now();
              const res = await post(server.base, `${boardPath}.data?index`, cookie, new URLSearchParams({ intent: "addCard", prompt: ["keep", "problem", "try"][n % 3], text: `カード ${i}-${n}` }).toString());
              const revision = Number(/"revision",(\d+)/.exec(res.text)?.[1] ?? /"revision":(\d+)/.exec(res.text)?.[1] ?? NaN);
              if (res.status !== 200 || !Number.isFinite(revision)) errors++;
              else writes.push({ room, revision, sent, postMs: res.ms });
              // the page's data again, as Remix does after an action
              if ((await get(server.base, `${boardPath}.data`, cookie)) !== 200) errors++;
              n++;
              const next = sent + writeEveryS * 1000;
              await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
            }
          })(),
        );
      });
    }
    await Promise.all(writers);
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    const wall = (performance.now() - wallBefore) / 1000;
    // let the last changes arrive
    await new Promise((r) => setTimeout(r, 3_000));
    const latencies = [];
    let missed = 0;
    for (const w of writes) {
      let worst = 0;
      for (const v of w.room.viewers) {
        const got = v.arrivals.find((a) => a.revision >= w.revision);
        if (!got) {
          missed++;
          worst = Infinity;
          break;
        }
        worst = Math.max(worst, got.at - w.sent);
      }
      if (worst !== Infinity) latencies.push(worst);
    }
    for (const v of viewers) v.close();
    latencies.sort((a, b) => a - b);
    const posts = writes.map((w) => w.postMs).sort((a, b) => a - b);
    const drops = viewers.reduce((s, v) => s + v.drops(), 0);
    return {
      dataset: dataset.name,
      database,
      workers,
      boards,
      people,
      writeEveryS,
      seconds,
      writes: writes.length,
      writesPerS: Math.round((writes.length / seconds) * 10) / 10,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      max: round(latencies.at(-1) ?? null),
      postP95: round(percentile(posts, 95)),
      errors: errors + missed + drops,
      missed,
      drops,
      cpuPercent: Math.round((cpu / wall) * 100),
    };
  } finally {
    await server.stop();
    await copy.done();
  }
}

async function rps(url, headers, connections = 20, seconds = 5) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: result.requests.average, errors: result.errors + result.non2xx };
}

/** The dashboard and the team page under load: 1 and 2 worker processes; on PostgreSQL also 1 and 2 servers. */
export async function scaleOut(h, dataset, database) {
  const copy = await copyOf(h, dataset, database, "scale");
  const seconds = Math.max(5, h.SECONDS);
  try {
    const measure = async (bases) => {
      const cookies = {};
      for (const [role, email] of Object.entries(h.ACCOUNTS)) cookies[role] = await h.signIn(bases[0], email);
      const pages = (await h.pagesFor(bases[0], cookies)).filter((p) => (p.name === "dashboard" && p.role === "coordinator") || (p.name === "team page" && p.role === "participant"));
      const out = {};
      for (const page of pages) {
        // warm every process, then load all servers at once (what a load balancer spreads)
        for (const base of bases) for (let i = 0; i < 10; i++) await h.request(`${base}${page.path}`, { headers: { cookie: cookies[page.role] } });
        const runs = await Promise.all(bases.map((base) => rps(`${base}${page.path}`, { cookie: cookies[page.role] }, Math.round(20 / bases.length), seconds)));
        out[`${page.name} (${page.role})`] = { rps: runs.reduce((s, r) => s + r.rps, 0), errors: runs.reduce((s, r) => s + r.errors, 0) };
      }
      return out;
    };
    const one = await startServer(h, { databaseUrl: copy.databaseUrl, work: copy.work, workers: 1 });
    const withOne = await measure([one.base]).finally(() => one.stop());
    const two = await startServer(h, { databaseUrl: copy.databaseUrl, work: copy.work, workers: 2 });
    const withTwo = await measure([two.base]).finally(() => two.stop());
    let servers = null;
    if (database === "postgresql") {
      const several = { SERVERS: "several", FILES_DIR: path.join(copy.work, "files"), APP_URL: "http://127.0.0.1" };
      const a = await startServer(h, { databaseUrl: copy.databaseUrl, work: copy.work, workers: 1, extraEnv: several });
      const b = await startServer(h, { databaseUrl: copy.databaseUrl, work: fs.mkdtempSync(path.join(os.tmpdir(), "dam-bench-b-")), workers: 1, extraEnv: several });
      servers = await measure([a.base, b.base]).finally(() => Promise.all([a.stop(), b.stop()]));
    }
    const rows = Object.keys(withOne).map((page) => ({
      page,
      one: Math.round(withOne[page].rps),
      two: Math.round(withTwo[page]?.rps ?? 0),
      ratio: Math.round(((withTwo[page]?.rps ?? 0) / withOne[page].rps) * 100) / 100,
      errors: withOne[page].errors + (withTwo[page]?.errors ?? 0) + (servers?.[page]?.errors ?? 0),
      servers: servers ? { one: Math.round(withOne[page].rps), two: Math.round(servers[page].rps), ratio: Math.round((servers[page].rps / withOne[page].rps) * 100) / 100 } : null,
    }));
    return { dataset: dataset.name, database, servers: servers !== null, rows };
  } finally {
    await copy.done();
  }
}

/** Peak and current resident memory of one process, in MB. */
function rssOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
  return { peakMb: Math.round(kb("VmHWM") / 1024), nowMb: Math.round(kb("VmRSS") / 1024) };
}

/**
 * Memory per worker under each V8 heap setting (decision 0020): one worker process started with
 * the setting in NODE_OPTIONS, 20 signed-in clients over every page for `seconds`, then the
 * year's progress export (the largest file a request makes) — req/s, p99, errors, resident memory
 * after start and at peak, and whether the export still came.
 */
export async function memory(h, dataset, database, { settings, seconds }) {
  const copy = await copyOf(h, dataset, database, "memory");
  const rows = [];
  try {
    for (const setting of settings) {
      // "MALLOC_ARENA_MAX=2 --max-old-space-size=96": NAME=value words are the process's environment, the rest NODE_OPTIONS
      const words = setting.split(/\s+/).filter(Boolean);
      const env = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split("=")));
      const nodeOptions = words.filter((w) => !/^[A-Z_]+=/.test(w)).join(" ");
      const server = await startServer(h, { databaseUrl: copy.databaseUrl, work: copy.work, workers: 1, extraEnv: { ...env, NODE_OPTIONS: nodeOptions } });
      try {
        const started = rssOf(server.pid);
        const cookies = {};
        for (const [role, email] of Object.entries(h.ACCOUNTS)) cookies[role] = await h.signIn(server.base, email);
        const pages = await h.pagesFor(server.base, cookies);
        const result = await autocannon({
          url: server.base,
          connections: 20,
          duration: seconds,
          requests: pages.map((page) => ({ method: "GET", path: page.path, headers: page.headers ?? (page.role ? { cookie: cookies[page.role] } : {}) })),
        });
        const exportStarted = Date.now();
        const exported = await h.request(`${server.base}/progress/xlsx`, { headers: { cookie: cookies.coordinator } });
        rows.push({
          setting: setting || "(V8 defaults)",
          rps: Math.round(result.requests.average),
          p99: result.latency.p99,
          errors: result.errors + result.non2xx + result.timeouts,
          startMb: started.nowMb,
          ...rssOf(server.pid),
          export: { status: exported.status, kb: Math.round(exported.body.length / 1024), ms: Date.now() - exportStarted },
        });
      } finally {
        await server.stop();
      }
    }
    return { dataset: dataset.name, database, seconds, rows };
  } finally {
    await copy.done();
  }
}
