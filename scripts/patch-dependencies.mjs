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
