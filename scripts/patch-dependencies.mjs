#!/usr/bin/env node
// Run by `npm install` / `npm ci` (postinstall). Applies the small, checked changes to installed
// dependencies that docs/decisions/0015-per-request-cost.md explains. Each patch names the exact
// text it replaces; when an upgrade changed that text the install stops with a message instead of
// running unpatched or patched wrongly. Running it twice changes nothing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MARK = "/* data-academy-manager: memoised route matching */";

export const PATCHES = [
  {
    // The server build of the router (Remix's server runtime and RemixServer load this file).
    // matchRoutes flattened and ranked every route and compiled one RegExp per route on every
    // call — several calls per request, ~115 routes each. On the server the route arrays never
    // change after they are made, so the ranked branches are remembered per array and compiled
    // patterns per (path, caseSensitive, end). The browser's build (router.js) is left alone:
    // there lazy route discovery adds children to existing arrays.
    file: "node_modules/@remix-run/router/dist/router.cjs.js",
    edits: [
      {
        find: "  let branches = flattenRoutes(routes);\n  rankRouteBranches(branches);\n  let matches = null;\n  let decoded = decodePath(pathname);",
        replace: "  let branches = rankedBranchesOf(routes);\n  let matches = null;\n  let decoded = decodePath(pathname);",
      },
      {
        find: "function flattenRoutes(routes, branches, parentsMeta, parentPath) {",
        replace: `${MARK}
const rankedBranches = new WeakMap();
function rankedBranchesOf(routes) {
  let branches = rankedBranches.get(routes);
  if (!branches) {
    branches = flattenRoutes(routes);
    rankRouteBranches(branches);
    rankedBranches.set(routes, branches);
  }
  return branches;
}
const compiledPaths = new Map();
function compilePath(path, caseSensitive, end) {
  let key = path + "\\u0000" + caseSensitive + "\\u0000" + end;
  let compiled = compiledPaths.get(key);
  if (!compiled) {
    compiled = compilePathUncached(path, caseSensitive, end);
    if (compiledPaths.size < 2000) compiledPaths.set(key, compiled);
  }
  return compiled;
}
function flattenRoutes(routes, branches, parentsMeta, parentPath) {`,
      },
      { find: "function compilePath(path, caseSensitive, end) {\n  if (caseSensitive === void 0) {", replace: "function compilePathUncached(path, caseSensitive, end) {\n  if (caseSensitive === void 0) {" },
    ],
  },
  {
    // RemixServer (the document render) built the ~115 route objects again for every page, and
    // so did createStaticRouter below: the router's ranked branches, kept per route array, were
    // thrown away each time, and lazy route discovery's partial manifest matched the page's path
    // and each ancestor path against freshly flattened routes (issue 28's profile: ~13 % of a
    // team page's CPU). The routes are a pure function of the build's manifest: kept per manifest.
    file: "node_modules/@remix-run/react/dist/server.js",
    edits: [
      {
        find: "  let routes$1 = routes.createServerRoutes(manifest.routes, routeModules, context.future, context.isSpaMode);",
        replace: "  let routes$1 = serverRoutesOf(manifest.routes, routeModules, context.future, context.isSpaMode);",
      },
      {
        find: "function RemixServer({",
        replace: `${MARK}
const serverRoutesKept = new WeakMap();
function serverRoutesOf(manifestRoutes, routeModules, future, isSpaMode) {
  let kept = serverRoutesKept.get(manifestRoutes);
  if (!kept || kept.isSpaMode !== isSpaMode) {
    kept = { isSpaMode, routes: routes.createServerRoutes(manifestRoutes, routeModules, future, isSpaMode) };
    serverRoutesKept.set(manifestRoutes, kept);
  }
  return kept.routes;
}
function RemixServer({`,
      },
    ],
  },
  {
    // The static router's data routes, made from RemixServer's routes (kept above): kept per route array.
    file: "node_modules/react-router-dom/server.js",
    edits: [
      {
        find: "  let manifest = {};\n  let dataRoutes = router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest);",
        replace: "  let { manifest, dataRoutes } = dataRoutesOf(routes);",
      },
      {
        find: "function createStaticRouter(routes, context, opts = {}) {",
        replace: `${MARK}
const dataRoutesKept = new WeakMap();
function dataRoutesOf(routes) {
  let kept = dataRoutesKept.get(routes);
  if (!kept) {
    let manifest = {};
    kept = { manifest, dataRoutes: router.UNSAFE_convertRoutesToDataRoutes(routes, reactRouter.UNSAFE_mapRouteProperties, undefined, manifest) };
    dataRoutesKept.set(routes, kept);
  }
  return kept;
}
function createStaticRouter(routes, context, opts = {}) {`,
      },
    ],
  },
];

/** Applies one patch to the text of its file; returns the new text, or throws when the text is not the expected one. */
export function applyPatch(text, patch) {
  if (text.includes(MARK)) return text;
  let out = text;
  for (const edit of patch.edits) {
    const at = out.indexOf(edit.find);
    if (at < 0 || out.indexOf(edit.find, at + 1) >= 0) {
      throw new Error(`${patch.file}: the text to patch is not there exactly once (was the package upgraded?): ${JSON.stringify(edit.find.slice(0, 60))}`);
    }
    out = out.slice(0, at) + edit.replace + out.slice(at + edit.find.length);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const patch of PATCHES) {
    const file = path.join(root, patch.file);
    const text = fs.readFileSync(file, "utf8");
    const patched = applyPatch(text, patch);
    if (patched !== text) {
      fs.writeFileSync(file, patched);
      console.log(`patched ${patch.file}`);
    }
  }
}
