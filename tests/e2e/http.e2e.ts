import fs from "node:fs";
import http from "node:http";
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
