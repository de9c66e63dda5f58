import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { context, sessionCookieFor } from "../../tests/support/requests";
import { ACCESS_POLICY, ROLES, type Outcome, type Role } from "../../tests/access/policy";
import { accessWorld as world } from "../../tests/access/world";
import { declaredIntents } from "../../tests/access/declared-intents";

// Every route × method × role against the declared policy (tests/access/policy.ts). A route
// file without a row fails the test, so no route ships without someone deciding who may use it.
// Outcomes: "ok" = served (2xx, or a redirect that is not to sign-in; for POST also a 4xx
// validation answer: the request got past the gate), "login" = sent to sign in, 403, 404,
// "none" = the route has no such handler.

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.tsx?$/, ""))
  .sort();

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

function urlFor(route: string, params: Record<string, string>) {
  const segments = route
    .replace(/\[\.ics\]/, ".ics")
    .split(".")
    .filter((s) => s !== "_index" && s !== "")
    .map((s) => (s === "$" ? params["*"]! : s.startsWith("$") ? params[s.slice(1)]! : s.replace(/_$/, "")));
  return `/${segments.join("/")}`.replace("/ics", ".ics");
}

function classify(result: unknown, method: "GET" | "POST"): Outcome {
  const status =
    result instanceof Response
      ? result.status
      : result && typeof result === "object" && "init" in result
        ? ((result as { init?: ResponseInit | null }).init?.status ?? 200)
        : 200;
  if (result instanceof Response && status >= 300 && status < 400 && (result.headers.get("Location") ?? "").startsWith("/login")) return "login";
  if (status === 403) return "403";
  if (status === 404) return "404";
  if (status >= 500) return "500" as Outcome;
  if (status < 400 || method === "POST") return "ok";
  return String(status) as Outcome;
}

async function call(handler: Handler, method: "GET" | "POST", url: string, params: Record<string, string>, cookie: string | null, intent = "") {
  const headers: Record<string, string> = {};
  if (cookie) headers.Cookie = cookie;
  const init: RequestInit = { method, headers };
  if (method === "POST") {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    init.body = new URLSearchParams({ intent }).toString();
  }
  try {
    return await handler({ request: new Request(`http://localhost:3000${url}`, init), params, context });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function loaderData(result: unknown): Record<string, unknown> {
  if (result && typeof result === "object" && "data" in result && "init" in result) return (result as { data: Record<string, unknown> }).data;
  return result as Record<string, unknown>;
}

// Content as well as status: what a person who gets the page sees of it, where it depends on who they are.
const SEEN: Record<string, (data: Record<string, unknown>, role: Role) => void> = {
  "academies.$academyId._index": (d, role) => {
    const academy = d.academy as { name: string; fiscalYear: number; status: string };
    expect({ name: academy.name, fiscalYear: academy.fiscalYear, status: academy.status }, role).toEqual({ name: "テストアカデミー", fiscalYear: 2026, status: "planning" });
  },
  // the team's own workspace only for its member; staff and coordinators see it without working in it
  "academies.$academyId.teams.$teamId._index": (d, role) => expect(d.isMember, role).toBe(role === "member"),
  "academies.$academyId.teams.$teamId.stages.$stageId": (d, role) => {
    const academy = d.academy as { name: string; fiscalYear: number; status: string; regionId: string };
    expect([academy.name, academy.fiscalYear, academy.status, typeof academy.regionId], role).toEqual(["テストアカデミー", 2026, "planning", "string"]);
    const can = d.can as Record<string, boolean>;
    expect({ isMember: (d.team as { isMember: boolean }).isMember, edit: can.edit, extend: can.extend, comment: can.comment }, role).toEqual({
      isMember: role === "member",
      edit: role === "member",
      extend: role === "coordinator" || role === "facilitator",
      comment: role !== "otherFacilitator" && role !== "otherTeamMember",
    });
  },
  // the board in its grouping phase: staff steer it, the team writes on it
  "academies.$academyId.retros.$retroId._index": (d, role) => {
    const view = d.view as { role: string; retro: { phase: string; teamId: string | null } };
    expect({ role: view.role, phase: view.retro.phase }, role).toEqual({ role: role === "member" ? "member" : "staff", phase: "group" });
  },
};

describe("the authorization matrix", () => {
  it("has a declared row for every route file, and no row for a route that is gone", () => {
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(routeFiles);
  });

  it.each(routeFiles)("%s answers every role as declared", async (route) => {
    const policy = ACCESS_POLICY[route];
    // MATRIX_PRINT=1 writes what the app does into /tmp/dam-matrix/ (for reviewing a new route).
    if (!process.env.MATRIX_PRINT) expect(policy, `no policy row for ${route}`).toBeDefined();
    const mod = (await import(`./${route}`)) as { loader?: Handler; action?: Handler };
    const { users, params } = await world();
    const url = urlFor(route, params);
    const observed: Record<string, Record<Role, Outcome>> = {};
    for (const method of ["GET", "POST"] as const) {
      const handler = method === "GET" ? mod.loader : mod.action;
      const row = {} as Record<Role, Outcome>;
      for (const role of ROLES) {
        if (!handler) {
          row[role] = "none";
          continue;
        }
        const cookie = role === "anonymous" ? null : await sessionCookieFor(users[role]);
        const result = await call(handler, method, url, params, cookie);
        row[role] = classify(result, method);
        if (method === "GET" && row[role] === "ok") SEEN[route]?.(loaderData(result), role);
      }
      observed[method] = row;
      // whatever the form names, someone the route itself refuses stays refused: every declared intent is
      // tried (refused before any form: not signed in, nothing there for them, or a permission the route requires)
      if (method === "POST" && handler) {
        const intents = await declaredIntents(route);
        const gated = fs.readFileSync(path.join(ROUTES_DIR, `${route}.tsx`), "utf8").includes("await requirePermission(request");
        for (const role of ROLES.filter((r) => ["404", "login", ...(gated ? ["403"] : [])].includes(row[r]))) {
          const cookie = role === "anonymous" ? null : await sessionCookieFor(users[role]);
          for (const intent of intents) {
            const got = classify(await call(handler, method, url, params, cookie, intent), method);
            expect(`${intent} as ${role}: ${got}`).toBe(`${intent} as ${role}: ${row[role]}`);
          }
        }
      }
    }
    if (process.env.MATRIX_PRINT) {
      fs.mkdirSync("/tmp/dam-matrix", { recursive: true });
      fs.writeFileSync(`/tmp/dam-matrix/${route}.json`, JSON.stringify(observed));
      return;
    }
    expect(observed).toEqual({ GET: policy!.GET, POST: policy!.POST });
  });

  // Guessed and foreign ids: a programme coordinator (who sees every academy) asks for each page
  // with one id replaced by one that does not exist, or by one of another academy's: 404 every time.
  const GUESSABLE = ["academyId", "teamId", "sessionId", "stageId", "fileId", "worksheetId", "retroId", "certificateId", "callId", "documentId", "applicationId", "consultationId", "expertId", "regionId", "materialId"];
  const withIds = routeFiles.filter((r) => !r.startsWith("api.") && GUESSABLE.some((p) => r.includes(`$${p}`)));
  it.each(withIds)("%s answers 404 to a guessed id and to another academy's id", async (route) => {
    const mod = (await import(`./${route}`)) as { loader?: Handler };
    if (!mod.loader) return;
    const { users, params, foreign } = await world();
    const cookie = await sessionCookieFor(users.coordinator);
    const names = GUESSABLE.filter((p) => route.includes(`$${p}`));
    const observed: Record<string, Outcome> = {};
    for (const name of names) {
      const guessed = { ...params, [name]: "cm0guessed0000000000000000" };
      observed[`guessed ${name}`] = classify(await call(mod.loader, "GET", urlFor(route, guessed), guessed, cookie), "GET");
      if (foreign[name] && name !== "academyId") {
        const wrong = { ...params, [name]: foreign[name]! };
        observed[`foreign ${name}`] = classify(await call(mod.loader, "GET", urlFor(route, wrong), wrong, cookie), "GET");
      }
    }
    expect(observed).toEqual(Object.fromEntries(Object.keys(observed).map((k) => [k, "404"])));
  });
});
