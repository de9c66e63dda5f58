// Which parts of the message catalogue each route needs (decision 0020): the catalogue's top-level
// namespaces ("call", "form", …) named by a string in the route's module or in any module it
// imports from app/ (components, modules, their .server files: a key an action answers with is
// shown by the page). Over-inclusion costs a few bytes; a namespace missed here is still right
// on the first render (the server adds the strings it rendered from outside the route's
// namespaces to the page) and warns in development. Plain JavaScript: vite.config.ts and the
// tests use it.
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const KEYISH = /["'`]([A-Za-z][A-Za-z0-9]*)\./g;
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

export function createRouteStrings({ appDir, namespaces, withServer = true }) {
  const known = new Set(namespaces);
  const perFile = new Map();

  function resolve(from, specifier) {
    let base;
    if (specifier.startsWith("~/")) base = path.join(appDir, specifier.slice(2));
    else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(path.dirname(from), specifier);
    else return null; // a package: no strings of ours
    for (const ext of EXTENSIONS) {
      const file = base + ext;
      if (/\.(ts|tsx)$/.test(file) && fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    }
    return null;
  }

  /** A module's own namespaces and the app modules it imports (read once per file). */
  function read(file) {
    let known_ = perFile.get(file);
    if (!known_) {
      const code = fs.readFileSync(file, "utf8");
      const own = new Set();
      for (const m of code.matchAll(KEYISH)) if (known.has(m[1])) own.add(m[1]);
      const imports = [];
      for (const m of code.matchAll(IMPORT)) {
        const target = resolve(file, m[1] ?? m[2] ?? m[3]);
        if (target && !/\.test\.tsx?$/.test(target) && (withServer || !/\.server\.tsx?$/.test(target))) imports.push(target);
      }
      known_ = { own, imports };
      perFile.set(file, known_);
    }
    return known_;
  }

  /** The namespaces a module and everything it imports from app/ name. */
  function namespacesOf(file) {
    const found = new Set();
    const seen = new Set([file]);
    const queue = [file];
    while (queue.length > 0) {
      const { own, imports } = read(queue.pop());
      for (const ns of own) found.add(ns);
      for (const next of imports) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return found;
  }

  return {
    namespacesOf: (file) => [...namespacesOf(path.resolve(file))].sort(),
  };
}

/** The part of a catalogue under the given namespaces. */
export function pick(catalogue, namespaces) {
  return Object.fromEntries(namespaces.filter((ns) => ns in catalogue).map((ns) => [ns, catalogue[ns]]));
}

const PREFIX = "virtual:route-strings/";

/**
 * The Vite plugin: in the browser's build every route module starts by loading the strings of
 * its namespaces in the page's language (the root: what the layout needs, without the server
 * modules its loader uses — the loader hands the browser no message keys), so a page ships its
 * own strings and not the whole catalogue. `virtual:route-strings/namespaces` tells the server
 * each route's namespaces (for the strings it must add to the page itself).
 */
export function routeStringsPlugin({ appDir, catalogues }) {
  const read = () => Object.fromEntries(Object.entries(catalogues).map(([lang, file]) => [lang, JSON.parse(fs.readFileSync(file, "utf8"))]));
  let strings = read();
  const make = () => {
    const namespaces = Object.keys(strings.ja);
    return { routes: createRouteStrings({ appDir, namespaces }), root: createRouteStrings({ appDir, namespaces, withServer: false }) };
  };
  let crawl = make();
  const rootFile = path.join(appDir, "root.tsx");
  const routesDir = path.join(appDir, "routes");
  const isRouteName = (name) => name.endsWith(".tsx") && !name.endsWith(".test.tsx");
  const isRoute = (file) => file === rootFile || (path.dirname(file) === routesDir && isRouteName(file));
  // the route files, read once (again after a change in development): their place in the list names their strings module
  let listed = null;
  const routeFiles = () => (listed ??= [rootFile, ...fs.readdirSync(routesDir).filter(isRouteName).map((f) => path.join(routesDir, f))]);
  const routeId = (file) => (file === rootFile ? "root" : `routes/${path.basename(file, ".tsx")}`);
  /** A route's namespaces: the root's its own; any other route's, less the root's (always loaded). */
  const namespacesFor = (file) => {
    const root = crawl.root.namespacesOf(rootFile);
    if (file === rootFile) return root;
    return crawl.routes.namespacesOf(file).filter((ns) => !root.includes(ns));
  };
  const fileOfKey = (key) => routeFiles()[Number(key)];
  const keyOf = (file) => String(routeFiles().indexOf(file));
  return {
    name: "route-strings",
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id, options) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const rest = id.slice(PREFIX.length + 1);
      // only the server asks (the browser's copy is empty: it never notes strings)
      if (rest === "namespaces") return `export default ${options?.ssr ? JSON.stringify(Object.fromEntries(routeFiles().map((f) => [routeId(f), namespacesFor(f)]))) : "{}"};`;
      // "strings-ja-12": the strings of the 12th route file in Japanese
      const [, lang, key] = rest.match(/^strings-(\w+)-(\d+)$/) ?? [];
      const file = fileOfKey(key);
      if (!lang || !strings[lang] || !file) throw new Error(`route-strings: unknown module ${rest}`);
      return `export default ${JSON.stringify(pick(strings[lang], namespacesFor(file)))};`;
    },
    transform(code, id, options) {
      if (options?.ssr || id.includes("?") || !isRoute(id)) return undefined;
      const key = keyOf(id);
      const prelude =
        `import { loadRouteStrings as __loadRouteStrings } from "~/utils/i18n";\n` +
        `await __loadRouteStrings(() => import("${PREFIX}strings-ja-${key}"), () => import("${PREFIX}strings-en-${key}"));\n`;
      return { code: prelude + code, map: null };
    },
    handleHotUpdate() {
      strings = read();
      crawl = make();
      listed = null;
    },
  };
}
