import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { droppedMail } from "../support/mail";

// The whole arrangement of a prefecture or the whole country (README: "Running it for a
// prefecture or the whole country"): two app servers (each with two worker processes) on one
// PostgreSQL, behind nginx from Debian with the configuration we ship (deploy/nginx/proxy.conf),
// files on one shared folder. Everything below goes through real HTTP; the servers are started
// with `npm start`'s script and SERVERS=several, after the release step `npm run db:migrate`.

const root = path.resolve("tests/.tmp-arrangement");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/postgres";
const database = `dam_arrangement_${process.pid}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
})();
const secret = crypto.randomBytes(32).toString("hex");
const filesDir = path.join(root, "shared-files");
const COORDINATOR = { email: "coordinator@example.jp", password: "demo-pass-coordinator" };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function admin(sql: string, url = adminUrl, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}
const db = (sql: string, params: unknown[] = []) => admin(sql, databaseUrl, params);

interface Server {
  name: string;
  port: number;
  url: string;
  dataDir: string;
  process: ChildProcess | null;
  log: string;
}
const servers: Server[] = [];
let proxyUrl = "";
let nginx: ChildProcess | null = null;

function serverEnv(server: Server): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    SERVERS: "several",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "5",
    SESSION_SECRET: secret,
    FILES_DIR: filesDir,
    DATA_DIR: server.dataDir,
    APP_URL: proxyUrl,
    COOKIE_SECURE: "false",
    TRUST_PROXY: "loopback",
    PORT: String(server.port),
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "2",
    JOBS_EVERY_MS: "3000",
    DRAIN_MS: "3000",
  };
  delete env.SMTP_URL;
  delete env.VITEST;
  return env;
}

async function waitFor(url: string, ms = 60_000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(`${url}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} did not start`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function start(server: Server) {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env: serverEnv(server), stdio: ["ignore", "pipe", "pipe"] });
  server.process = child;
  const keep = (chunk: Buffer) => {
    server.log = (server.log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  await waitFor(server.url);
}

async function stop(server: Server) {
  const child = server.process;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
  server.process = null;
}

function startNginx(port: number) {
  const prefix = path.join(root, "nginx");
  fs.mkdirSync(prefix, { recursive: true });
  const include = path.resolve("deploy/nginx/proxy.conf");
  const upstreams = servers.map((s) => `    server 127.0.0.1:${s.port} max_fails=1 fail_timeout=2s;`).join("\n");
  // the production file's upstream and locations, with this machine's addresses and no TLS
  const config = `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream data_academy {
${upstreams}
    keepalive 32;
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    include ${include};
    location / { proxy_pass http://data_academy; }
    location ~ ^/academies/[^/]+/retros/[^/]+/events$ {
      proxy_pass http://data_academy;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
  const file = path.join(prefix, "nginx.conf");
  fs.writeFileSync(file, config);
  const test = spawnSync("/usr/sbin/nginx", ["-t", "-p", prefix, "-c", file], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  nginx = spawn("/usr/sbin/nginx", ["-p", prefix, "-c", file, "-g", "daemon off;"], { stdio: "inherit" });
}

/** A person's HTTP session (cookie kept) against one base address. */
class Visitor {
  jar = new Map<string, string>();
  constructor(public base: string) {}
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  /** The same person (the same cookies, shared) through another address. */
  at(base: string) {
    const other = new Visitor(base);
    other.jar = this.jar;
    return other;
  }
  async request(pathname: string, init: RequestInit = {}) {
    const res = await fetch(`${this.base}${pathname}`, {
      redirect: "manual",
      ...init,
      headers: { ...(init.headers as Record<string, string>), Cookie: this.cookie, Origin: new URL(this.base).origin },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair = ""] = set.split(";");
      const at = pair.indexOf("=");
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(set) || value === "") this.jar.delete(pair.slice(0, at));
      else this.jar.set(pair.slice(0, at), value);
    }
    return res;
  }
  post(pathname: string, body: URLSearchParams | FormData) {
    return this.request(pathname, { method: "POST", body });
  }
  async signIn(who: { email: string; password: string }) {
    return this.post("/login", new URLSearchParams({ email: who.email, password: who.password }));
  }
  async text(pathname: string) {
    const res = await this.request(pathname);
    expect(res.status, `${pathname} on ${this.base}`).toBe(200);
    return res.text();
  }
}

/** Follows a live board's stream like a browser's EventSource: reconnects when it ends. */
function follow(visitor: Visitor, pathname: string) {
  const views: { revision: number; phase: string; at: number }[] = [];
  let stopped = false;
  let reconnects = 0;
  const controller = new AbortController();
  void (async () => {
    while (!stopped) {
      try {
        const res = await fetch(`${visitor.base}${pathname}`, { headers: { Cookie: visitor.cookie }, signal: controller.signal });
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.startsWith("event: board\n")) {
              const view = JSON.parse(block.slice("event: board\ndata: ".length)) as { retro: { revision: number; phase: string } };
              views.push({ revision: view.retro.revision, phase: view.retro.phase, at: Date.now() });
            }
          }
        }
      } catch {
        // cut off: reconnect as EventSource does
      }
      if (stopped) break;
      reconnects++;
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  return {
    views,
    reconnects: () => reconnects,
    latest: () => views.at(-1) ?? null,
    async until(check: (v: { revision: number; phase: string }) => boolean, ms = 10_000) {
      const end = Date.now() + ms;
      for (;;) {
        const found = views.find(check);
        if (found) return found;
        if (Date.now() > end) throw new Error(`the stream did not bring it (latest: ${JSON.stringify(views.at(-1))})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop() {
      stopped = true;
      controller.abort();
    },
  };
}

let academyId = "";
let retroId = "";
let remindedAcademyId = "";

beforeAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(filesDir, { recursive: true });
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${database}"`);
  // the release step, once: migrations and the demo data
  const migrate = spawnSync(process.execPath, ["scripts/prepare-db.mjs"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: path.join(root, "release") },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`db:migrate failed:\n${migrate.stderr}`);

  // an academy whose session 1 is two days away: the hourly job reminds its participants once
  const [reminded] = await db(`SELECT a."id" FROM "Academy" a JOIN "Enrollment" e ON e."academyId" = a."id" AND e."role" = 'participant'
                                 GROUP BY a."id" ORDER BY count(*) DESC LIMIT 1`);
  remindedAcademyId = reminded.id;
  await db(`UPDATE "Academy" SET "status" = 'running' WHERE "id" = $1`, [remindedAcademyId]);
  await db(`UPDATE "WorkshopSession" SET "startsAt" = now() + interval '2 days', "endsAt" = now() + interval '2 days 3 hours' WHERE "academyId" = $1 AND "sequence" = 1`, [remindedAcademyId]);
  await db(`DELETE FROM "ReminderLog" WHERE "academyId" = $1`, [remindedAcademyId]);
  await db(`DELETE FROM "PreLearningCompletion" WHERE "academyId" = $1`, [remindedAcademyId]);

  academyId = remindedAcademyId;

  for (const name of ["a", "b"]) {
    const port = await freePort();
    servers.push({ name, port, url: `http://127.0.0.1:${port}`, dataDir: path.join(root, `server-${name}`), process: null, log: "" });
  }
  const proxyPort = await freePort();
  proxyUrl = `http://127.0.0.1:${proxyPort}`;
  await Promise.all(servers.map(start));
  startNginx(proxyPort);
  await waitFor(proxyUrl);
  // a session board for the live tests, made as a coordinator makes it
  const coordinator = new Visitor(proxyUrl);
  await coordinator.signIn(COORDINATOR);
  const made = await coordinator.post(`/academies/${academyId}/retros/new`, new URLSearchParams({ template: "kpt", teamId: "", sessionId: "", title: "配置テストのふりかえり", voteBudget: "3", maxVotesPerGroup: "2" }));
  expect(made.status).toBe(302);
  retroId = (await db(`SELECT "id" FROM "Retrospective" WHERE "academyId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [academyId]))[0].id;
}, 240_000);

afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await Promise.all(servers.map(stop));
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
});

describe("two app servers on one PostgreSQL behind nginx", () => {
  it("signs in on one and is known on the other and through the proxy", async () => {
    const a = new Visitor(servers[0]!.url);
    expect((await a.signIn(COORDINATOR)).status).toBe(302);
    expect(await a.at(servers[1]!.url).text("/dashboard")).toContain("ログアウト");
    expect((await a.at(proxyUrl).request("/dashboard")).status).toBe(200);
  });

  it("runs each worker with the heap limits and malloc arenas chosen by measurement (decisions 0020, 0021)", () => {
    const childrenOf = (pid: number): number[] =>
      fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
    for (const server of servers) {
      // npm start's process is the primary (start.mjs imports server.mjs); its children are the workers
      const workers = childrenOf(server.process!.pid!).map((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0"));
      expect(workers.length).toBe(2);
      for (const args of workers) expect(args).toEqual(expect.arrayContaining(["--max-old-space-size=96", "--max-semi-space-size=4"]));
      const environments = childrenOf(server.process!.pid!).map((pid) => fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0"));
      for (const variables of environments) expect(variables).toContain("MALLOC_ARENA_MAX=1");
    }
  });

  it("counts failed sign-ins across both servers", async () => {
    const email = "facilitator@example.jp";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const server = servers[i % 2]!;
      statuses.push((await new Visitor(server.url).signIn({ email, password: `wrong-${i}` })).status);
    }
    // five wrong passwords are answered as wrong; the sixth, on either server, is refused
    expect(statuses.slice(0, 5).every((s) => s === 400 || s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    const right = await new Visitor(servers[0]!.url).signIn({ email, password: "demo-pass-facilitator" });
    expect(right.status).toBe(429);
  });

  it("shows a write made on one server at once on the other's kept figures; a roster previewed on one is committed on the other", async () => {
    const a = new Visitor(servers[0]!.url);
    await a.signIn(COORDINATOR);
    const b = a.at(servers[1]!.url);
    const [{ fiscalYear }] = await db(`SELECT "fiscalYear" FROM "Academy" WHERE "id" = $1`, [academyId]);
    const progress = `/progress/csv?fy=${fiscalYear}&academy=${academyId}`;
    // every worker of both servers counts the academy's progress board first and keeps it
    // (progressOfYear; connections go to a server's workers in turn)
    for (let i = 0; i < 4; i++) {
      expect(await a.text(progress)).not.toContain("配置テストチーム");
      expect(await b.text(progress)).not.toContain("配置テストチーム");
    }
    // a roster with three new people, previewed on server a …
    const [place] = await db(`SELECT rm."municipalityCode" AS code FROM "RegionMunicipality" rm JOIN "Academy" a ON a."regionId" = rm."regionId" WHERE a."id" = $1 LIMIT 1`, [academyId]);
    const stamp = Date.now();
    const csv = ["氏名,ふりがな,メールアドレス,団体コード,所属部署,チーム名", ...[1, 2, 3].map((n) => `配置 太郎${n},はいち たろう,arrangement-${stamp}-${n}@example.lg.jp,${place.code},情報政策課,配置テストチーム`)].join("\n");
    const form = new FormData();
    form.set("intent", "preview");
    form.set("file", new File([csv], "roster.csv", { type: "text/csv" }));
    const preview = await a.post(`/academies/${academyId}/roster`, form);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    const hidden = (name: string) => {
      const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
      if (!match) throw new Error(`no ${name} in the preview`);
      return match[1]!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    };
    // … committed on server b
    const commit = await b.post(
      `/academies/${academyId}/roster`,
      new URLSearchParams({ intent: "commit", payload: hidden("payload"), signature: hidden("signature"), fileName: hidden("fileName"), encoding: hidden("encoding") }),
    );
    expect(commit.status).toBe(302);
    expect(Number((await db(`SELECT count(*)::int AS n FROM "User" WHERE "email" LIKE $1`, [`arrangement-${stamp}-%`]))[0].n)).toBe(3);
    // server a kept the board it counted before; it forgot it when b wrote (the change bus)
    for (let i = 0; i < 4; i++) {
      expect(await a.text(progress)).toContain("配置テストチーム");
      expect(await b.text(progress)).toContain("配置テストチーム");
    }
    // the invitations went out once, from whichever server delivered them (the hourly pre-learning
    // reminder, which the servers' jobs may send these new members at the same moment, is another mail)
    const invited = servers
      .flatMap((s) => droppedMail(path.join(s.dataDir, "mail-drop")))
      .filter((m) => m.to.includes(`arrangement-${stamp}-`) && m.subject.includes("ご招待"));
    expect(invited.map((m) => m.to).sort(), JSON.stringify(invited.map((m) => [m.to, m.subject, m.file]))).toEqual([1, 2, 3].map((n) => `arrangement-${stamp}-${n}@example.lg.jp`));
  });

  it("reaches a live board's viewer on one server with a change made on the other", async () => {
    const staff = new Visitor(servers[0]!.url);
    await staff.signIn(COORDINATOR);
    const viewer = follow(staff.at(servers[1]!.url), `/academies/${academyId}/retros/${retroId}/events`);
    const first = await viewer.until(() => true);
    const sent = Date.now();
    const res = await staff.post(`/academies/${academyId}/retros/${retroId}`, new URLSearchParams({ intent: "phase", phase: first.phase === "reflect" ? "group" : "reflect", minutes: "" }));
    expect(res.status).toBe(200);
    const seen = await viewer.until((v) => v.revision > first.revision);
    expect(seen.at - sent).toBeLessThan(2_000);
    viewer.stop();
  });

  it("mails the pre-learning reminder once although four processes run the hourly jobs", async () => {
    const end = Date.now() + 30_000;
    while ((await db(`SELECT 1 FROM "ReminderLog" WHERE "academyId" = $1 AND "kind" = 'prelearning'`, [remindedAcademyId])).length === 0) {
      if (Date.now() > end) throw new Error("no reminder was sent");
      await new Promise((r) => setTimeout(r, 500));
    }
    // let the other processes' jobs run a few more times
    await new Promise((r) => setTimeout(r, 7_000));
    const [log] = await db(`SELECT "recipients" FROM "ReminderLog" WHERE "academyId" = $1 AND "kind" = 'prelearning'`, [remindedAcademyId]);
    expect(log.recipients).toBeGreaterThan(0);
    const recorded = await db(`SELECT "to", count(*)::int AS n FROM "MailMessage" WHERE "subject" LIKE '%事前学習%' GROUP BY "to"`);
    expect(recorded.length).toBe(log.recipients);
    expect(recorded.every((r) => r.n === 1)).toBe(true);
    const delivered = servers.flatMap((s) => droppedMail(path.join(s.dataDir, "mail-drop"))).filter((m) => m.subject.includes("事前学習"));
    expect(delivered.length).toBe(log.recipients);
    expect(new Set(delivered.map((m) => m.to)).size).toBe(delivered.length);
  });

  it("serves a file uploaded through one server from the other", async () => {
    const a = new Visitor(servers[0]!.url);
    await a.signIn(COORDINATOR);
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), crypto.randomBytes(200_000), Buffer.from("\ntrailer\n%%EOF\n")]);
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: "file", title: `配置テスト資料 ${Date.now()}`, stage: "problem_definition", audience: "participant" })) form.set(k, v);
    form.set("file", new File([bytes], "slides.pdf", { type: "application/pdf" }));
    expect((await a.post("/materials/new", form)).status).toBe(302);
    const [material] = await db(`SELECT "id" FROM "Material" WHERE "origin" = 'upload' ORDER BY "createdAt" DESC LIMIT 1`);
    const b = a.at(servers[1]!.url);
    const attach = await b.post(`/academies/${academyId}/materials`, new URLSearchParams({ intent: "release", materialId: material.id, stageId: "", mode: "fixed", date: "2026-04-01", time: "09:00" }));
    expect(attach.status).toBe(302);
    const download = await b.request(`/academies/${academyId}/materials/${material.id}/download`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("loses no request and no live-board change while the servers restart one after the other", async () => {
    const staff = new Visitor(proxyUrl);
    await staff.signIn(COORDINATOR);
    const viewer = follow(staff, `/academies/${academyId}/retros/${retroId}/events`);
    await viewer.until(() => true);
    const failures: string[] = [];
    let requests = 0;
    let writes = 0;
    let running = true;
    const phases = ["reflect", "group"];
    const load = (async () => {
      while (running) {
        const pages = await Promise.all(
          ["/dashboard", `/academies/${academyId}`, "/reports/kpi"].map(async (p) => {
            try {
              const res = await staff.request(p);
              await res.arrayBuffer();
              return res.status === 200 ? null : `${p}: ${res.status}`;
            } catch (error) {
              return `${p}: ${String(error)}`;
            }
          }),
        );
        requests += pages.length;
        try {
          const res = await staff.post(`/academies/${academyId}/retros/${retroId}`, new URLSearchParams({ intent: "phase", phase: phases[writes % 2]!, minutes: "" }));
          await res.arrayBuffer();
          if (res.status !== 200) pages.push(`POST phase: ${res.status}`);
          else writes++;
        } catch (error) {
          pages.push(`POST phase: ${String(error)}`);
        }
        requests++;
        failures.push(...pages.filter((p): p is string => p !== null));
      }
    })();
    for (const server of servers) {
      // as an operator restarts them: the next one only when the last one answers again and nginx
      // has had time to try it (longer than fail_timeout, 2 s here): otherwise nginx may still count
      // the restarted server as failed while the other one stops, and answer 502
      await new Promise((r) => setTimeout(r, 3_000));
      const stopped = Date.now();
      await stop(server);
      expect(Date.now() - stopped).toBeLessThan(8_000);
      await start(server);
    }
    await new Promise((r) => setTimeout(r, 1_500));
    running = false;
    await load;
    const [{ revision }] = await db(`SELECT "revision" FROM "Retrospective" WHERE "id" = $1`, [retroId]);
    // the viewer, reconnected through the proxy, has the board's last revision
    await viewer.until((v) => v.revision === revision);
    viewer.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(5);
    expect(viewer.reconnects()).toBeGreaterThan(0);
  });

  it("starts a server beside running ones without touching the database, and stops it within seconds", async () => {
    const extra: Server = { name: "c", port: await freePort(), url: "", dataDir: path.join(root, "server-c"), process: null, log: "" };
    extra.url = `http://127.0.0.1:${extra.port}`;
    const before = await db(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    await start(extra);
    expect(await db(`SELECT count(*)::int AS n FROM _prisma_migrations`)).toEqual(before);
    const stopped = Date.now();
    await stop(extra);
    expect(Date.now() - stopped).toBeLessThan(8_000);
  });
});
