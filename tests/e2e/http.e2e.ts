import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_URL, DEMO } from "./browser";

// The production server as an attacker's script meets it: no browser, raw HTTP.

const base = new URL(BASE_URL);

/** The server's memory: its primary process and every worker it started (server.mjs). */
function rssMb(pid = Number(process.env.E2E_SERVER_PID)): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const own = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  const children = fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return own + children.reduce((sum, child) => sum + rssMb(child), 0);
}

/** POST a body of `total` bytes in chunks without Content-Length; resolves with the status. */
function chunkedPost(path: string, total: number, contentType: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, method: "POST", headers: { "Content-Type": contentType, Origin: base.origin } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? resolve(-1) : reject(error)));
    const chunk = Buffer.alloc(256 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

async function signIn(who: { email: string; password: string }) {
  const res = await fetch(`${BASE_URL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base.origin },
    body: new URLSearchParams({ email: who.email, password: who.password }).toString(),
  });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

describe("bodies the server refuses", () => {
  it("three endless sign-in and reset forms get 413 and the server stays small", async () => {
    const before = rssMb();
    const statuses = await Promise.all([
      chunkedPost("/login", 200 * 1024 * 1024, "application/x-www-form-urlencoded"),
      chunkedPost("/forgot-password", 200 * 1024 * 1024, "application/x-www-form-urlencoded"),
      chunkedPost("/forgot-password", 200 * 1024 * 1024, "application/x-www-form-urlencoded"),
    ]);
    for (const status of statuses) expect([413, -1]).toContain(status);
    expect(statuses).toContain(413);
    expect(rssMb() - before).toBeLessThan(100);
  });

  it("refuses a declared 200 MB body at once", async () => {
    const status = await new Promise<number>((resolve) => {
      const req = http.request({ host: base.hostname, port: base.port, path: "/login", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(200 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", () => resolve(-1));
      req.write("email=a");
    });
    expect(status).toBe(413);
  });

  it("answers a text/plain or JSON post with 415 and a page in Japanese, not a 500", async () => {
    for (const type of ["text/plain", "application/json"]) {
      const res = await fetch(`${BASE_URL}/login`, { method: "POST", headers: { "Content-Type": type, Origin: base.origin }, body: "{}" });
      expect(res.status).toBe(415);
      expect(await res.text()).toContain("この形式の送信は受け付けていません");
    }
  });
});

describe("cross-site requests", () => {
  it("refuses a sign-out, language switch or sign-in posted from another site", async () => {
    const cookie = await signIn(DEMO.coordinator);
    for (const path of ["/logout", "/set-locale", "/login"]) {
      const res = await fetch(`${BASE_URL}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", Cookie: cookie },
        body: "locale=en",
      });
      expect(res.status, path).toBe(403);
    }
    const noOrigin = await fetch(`${BASE_URL}/logout`, { method: "POST", redirect: "manual", headers: { "Sec-Fetch-Site": "cross-site", Cookie: cookie } });
    expect(noOrigin.status).toBe(403);
    // Still signed in: the dashboard answers 200, not a redirect to sign-in.
    expect((await fetch(`${BASE_URL}/dashboard`, { redirect: "manual", headers: { Cookie: cookie } })).status).toBe(200);
  });
});

describe("what pages contain", () => {
  it("long Japanese pages contain no NUL byte", async () => {
    const cookie = await signIn(DEMO.coordinator);
    for (const path of ["/materials", "/academies", "/dashboard", "/audit"]) {
      const res = await fetch(`${BASE_URL}${path}`, { headers: { Cookie: cookie } });
      expect(res.status, path).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.length, path).toBeGreaterThan(4096);
      expect(bytes.indexOf(0), path).toBe(-1);
    }
  });

  it("replaces a request id that is too long or has control characters", async () => {
    const long = await fetch(`${BASE_URL}/login`, { headers: { "X-Request-Id": "a".repeat(5000) } });
    expect(long.headers.get("x-request-id")!.length).toBeLessThanOrEqual(64);
    const good = await fetch(`${BASE_URL}/login`, { headers: { "X-Request-Id": "proxy-1234" } });
    expect(good.headers.get("x-request-id")).toBe("proxy-1234");
  });
});

describe("content security policy", () => {
  it("runs only scripts with this response's nonce: no 'unsafe-inline', every script tag carries it", async () => {
    const cookie = await signIn(DEMO.coordinator);
    const seen = new Set<string>();
    for (const path of ["/login", "/dashboard"]) {
      const res = await fetch(`${BASE_URL}${path}`, { headers: path === "/login" ? {} : { Cookie: cookie } });
      const policy = res.headers.get("content-security-policy") ?? "";
      const scriptSrc = /script-src ([^;]+)/.exec(policy)![1]!;
      expect(scriptSrc).not.toContain("unsafe-inline");
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
      seen.add(nonce);
      const html = await res.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(seen.size).toBe(2);
  });
});

describe("one machine, several processes", () => {
  it("runs one worker process per core behind the one port", () => {
    const pid = Number(process.env.E2E_SERVER_PID);
    const workers = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean);
    expect(workers.length).toBe(os.availableParallelism());
  });

  it("starts a second server on the same data beside the running one (a live board open), which then stops within seconds with its streams", async () => {
    const cookie = await signIn(DEMO.coordinator);
    const dashboard = await (await fetch(`${BASE_URL}/academies`, { headers: { Cookie: cookie } })).text();
    const academyId = /\/academies\/([a-z0-9]{20,})/.exec(dashboard)![1]!;
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const second = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, NODE_ENV: "production", DATA_DIR: path.resolve("tests/.tmp-e2e"), DATABASE_URL: process.env.E2E_DATABASE_URL, PORT: String(port), HOST: "127.0.0.1", COOKIE_SECURE: "false", JOBS: "off", WEB_CONCURRENCY: "1", SKIP_BUILD: "true" },
      stdio: "ignore",
    });
    const other = `http://127.0.0.1:${port}`;
    try {
      let up = false;
      for (let i = 0; i < 300 && !up; i++) {
        up = await fetch(`${other}/login`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 200));
      }
      expect(up).toBe(true);
      // a board of the academy, watched on the second server
      const made = await fetch(`${other}/academies/${academyId}/retros/new`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: other, "Content-Type": "application/x-www-form-urlencoded" },
        body: "template=kpt&teamId=&sessionId=&title=&voteBudget=3&maxVotesPerGroup=2",
      });
      expect(made.status).toBe(302);
      const stream = await fetch(`${other}${made.headers.get("location")!.replace(other, "")}/events`, { headers: { Cookie: cookie } });
      const reader = stream.body!.getReader();
      let text = "";
      while (!text.includes("event: board")) text += new TextDecoder().decode((await reader.read()).value);
      const stopped = Date.now();
      const exited = new Promise((r) => second.once("exit", r));
      second.kill("SIGTERM");
      // the stream is told to reconnect and ends; the process is gone within seconds
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      expect(text).toContain("event: restart");
      await exited;
      expect(Date.now() - stopped).toBeLessThan(8_000);
    } finally {
      second.kill("SIGKILL");
    }
  }, 120_000);
});

describe("access through the real server, pages and their .data", () => {
  // The matrices (authorization-matrix and intent-matrix tests) call the handlers; this asks the
  // running server, as a browser's navigation and as Remix's data requests (`.data`) do, for the
  // demo participant's own team, another team of the same academy, a coordinator's page of that
  // academy, a guessed academy and the audit log — and the same as nobody.
  const get = (path: string, cookie?: string) => fetch(`${BASE_URL}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

  it("answers the participant what the matrix declares, and leaks no other team's name", async () => {
    const coordinator = await signIn(DEMO.coordinator);
    const participant = await signIn(DEMO.participant);
    // the start page sends a participant to their team's workspace
    const start = (await get("/", participant)).headers.get("location") ?? "";
    const own = /\/academies\/(\w+)\/teams\/(\w+)/.exec(start);
    expect(own, `the start page leads to the participant's team (${start})`).not.toBeNull();
    const [, academyId, teamId] = own!;
    const academyPage = await (await get(`/academies/${academyId}`, coordinator)).text();
    const others = [...academyPage.matchAll(new RegExp(`/academies/${academyId}/teams/(\\w+)"[^>]*>([^<]+)<`, "g"))].filter((m) => m[1] !== teamId && m[1] !== "new");
    expect(others.length, "the academy has another team").toBeGreaterThan(0);
    const [, otherTeamId, otherTeamName] = others[0]!;
    const expected: Array<[string, number]> = [
      [`/academies/${academyId}/teams/${teamId}`, 200],
      [`/academies/${academyId}/teams/${otherTeamId}`, 404],
      [`/academies/${academyId}/edit`, 403],
      [`/academies/${academyId}/roster`, 403],
      ["/academies/cm0guessed0000000000000000", 404],
      ["/audit", 403],
      ["/manage/calls", 403],
    ];
    for (const [path, status] of expected) {
      for (const suffix of ["", ".data"]) {
        const res = await get(`${path}${suffix}`, participant);
        const body = await res.text();
        expect(res.status, `${path}${suffix}`).toBe(status);
        expect(body.includes(otherTeamName!.trim()), `${path}${suffix} names the other team`).toBe(false);
      }
    }
    // nobody: the page sends to sign-in, its data request answers with a redirect to it
    const page = await get(`/academies/${academyId}/teams/${teamId}`);
    expect([page.status, page.headers.get("location")?.startsWith("/login")]).toEqual([302, true]);
    const data = await get(`/academies/${academyId}/teams/${teamId}.data`);
    expect(data.status).toBe(202);
    expect(await data.text()).toContain("/login");
  });
});
