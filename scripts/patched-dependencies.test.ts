import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type * as RouterApi from "@remix-run/router";
import * as browserBuild from "../node_modules/@remix-run/router/dist/router.js";

const require = createRequire(import.meta.url);
// the browser's build (router.js, never patched) is the reference the patched server build (router.cjs.js) must agree with
const browserRouter = browserBuild as unknown as typeof RouterApi;
const serverRouter = require("@remix-run/router") as typeof RouterApi;
type Routes = Parameters<typeof RouterApi.matchRoutes>[0];

function routeTree(): Routes {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        {
          id: "academies",
          path: "academies",
          children: [
            { id: "academies-index", index: true },
            { id: "academy-new", path: "new" },
            {
              id: "academy",
              path: ":academyId",
              children: [
                { id: "academy-index", index: true },
                { id: "team", path: "teams/:teamId" },
                { id: "stage", path: "teams/:teamId/stages/:stageId" },
              ],
            },
          ],
        },
        { id: "files", path: "files/*" },
        { id: "optional", path: "calendar/:view?" },
        { id: "case", path: "CaseSensitive", caseSensitive: true },
        { id: "layout", children: [{ id: "login", path: "login" }] },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/academies",
  "/academies/new",
  "/academies/a1",
  "/academies/a1/",
  "/academies/a1/teams/t1",
  "/academies/a%20b/teams/t1/stages/s1",
  "/files/a/b.pdf",
  "/calendar",
  "/calendar/month",
  "/CaseSensitive",
  "/casesensitive",
  "/login",
  "/nowhere/at/all",
];

const summary = (matches: ReturnType<typeof browserRouter.matchRoutes>) => matches?.map((m) => [m.route.id, m.params, m.pathname]) ?? null;

describe("patched dependencies", () => {
  // patches/*.patch, applied by patch-package at every install (decision 0023)
  const patched = fs
    .readdirSync("patches")
    .filter((f) => f.endsWith(".patch"))
    .flatMap((f) => [...fs.readFileSync(path.join("patches", f), "utf8").matchAll(/^\+\+\+ b\/(\S+)$/gm)].map((m) => m[1]!));

  it("every patched file is installed patched (npm install ran patch-package)", () => {
    expect(patched.sort()).toEqual(["node_modules/@remix-run/react/dist/server.js", "node_modules/@remix-run/router/dist/router.cjs.js", "node_modules/react-router-dom/server.js"]);
    for (const file of patched) expect(fs.readFileSync(file, "utf8"), file).toContain("memoised route matching");
    expect(fs.readFileSync("node_modules/@remix-run/router/dist/router.cjs.js", "utf8")).toContain("function compilePathUncached(");
  });

  it("matches every path exactly as the unpatched router does, also when asked again and with a new route array", () => {
    const routes = routeTree();
    for (const round of [1, 2]) {
      for (const path of paths) {
        expect(summary(serverRouter.matchRoutes(routes, path)), `${path} (round ${round})`).toEqual(summary(browserRouter.matchRoutes(routeTree(), path)));
      }
    }
    // another array (another request's routes) is ranked on its own
    const other: Routes = [{ id: "only", path: "only/:x" }];
    expect(summary(serverRouter.matchRoutes(other, "/only/1"))).toEqual([["only", { x: "1" }, "/only/1"]]);
    expect(serverRouter.matchRoutes(other, "/academies")).toBeNull();
    expect(serverRouter.matchPath({ path: "/academies/:id", caseSensitive: false, end: false }, "/academies/7/teams")?.params).toEqual({ id: "7" });
  });

  it("the document render keeps its route objects per build: two renders share one tree and still match the page", async () => {
    const server = require("react-router-dom/server") as typeof import("react-router-dom/server");
    const routes = [{ id: "root", path: "/", children: [{ id: "academies", path: "academies/:id" }] }];
    const context = await server.createStaticHandler(routes).query(new Request("http://localhost/academies/7"));
    if (context instanceof Response) throw new Error("no context");
    const first = server.createStaticRouter(routes, context);
    const second = server.createStaticRouter(routes, context);
    expect(second.routes).toBe(first.routes);
    expect(second.state.matches.map((m) => [m.route.id, m.params])).toEqual([["root", { id: "7" }], ["academies", { id: "7" }]]);
    // another tree (another build in development) is made on its own
    const other = [{ id: "only", path: "/only" }];
    const otherContext = await server.createStaticHandler(other).query(new Request("http://localhost/only"));
    if (otherContext instanceof Response) throw new Error("no context");
    expect(server.createStaticRouter(other, otherContext).routes).not.toBe(first.routes);
  });
});
