import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRouteStrings, routeStringsPlugin } from "./route-strings.mjs";

// Which strings a page ships (decision 0020): a route's namespaces are those named in its module
// and every app module it imports; the root's without the server modules its loader uses.

const appDir = path.resolve("app");
const catalogue = JSON.parse(fs.readFileSync("app/locales/ja/common.json", "utf8")) as Record<string, unknown>;
const namespaces = Object.keys(catalogue);

describe("the strings of a route", () => {
  it("follows the route's imports into components and modules, and keeps the root's to what its layout shows", () => {
    const routes = createRouteStrings({ appDir, namespaces });
    // the consultations page: its own namespace, the table component's, the validation messages of its module's schema
    expect(routes.namespacesOf("app/routes/consultations._index.tsx")).toEqual(expect.arrayContaining(["consultation", "table"]));
    const root = createRouteStrings({ appDir, namespaces, withServer: false }).namespacesOf("app/root.tsx");
    expect(root).toEqual(expect.arrayContaining(["nav", "layout", "errors"]));
    expect(root).not.toContain("consultation");
    expect(root.length).toBeLessThan(10);
  });

  it("the plugin puts the page language's strings before each route module, and serves each route only its namespaces", async () => {
    const plugin = routeStringsPlugin({ appDir, catalogues: { ja: "app/locales/ja/common.json", en: "app/locales/en/common.json" } });
    const transform = plugin.transform as (code: string, id: string, options?: { ssr?: boolean }) => { code: string } | undefined;
    const load = plugin.load as (id: string, options?: { ssr?: boolean }) => string | undefined;
    const file = path.join(appDir, "routes", "consultations._index.tsx");
    const code = fs.readFileSync(file, "utf8");
    const browser = transform(code, file)!.code;
    const [, key] = browser.match(/strings-ja-(\d+)/)!;
    expect(browser.startsWith("import { loadRouteStrings")).toBe(true);
    expect(transform(code, file, { ssr: true })).toBeUndefined();
    const strings = JSON.parse(load(`\0virtual:route-strings/strings-ja-${key}`)!.replace(/^export default /, "").replace(/;$/, "")) as Record<string, unknown>;
    expect(Object.keys(strings)).toContain("consultation");
    expect(Object.keys(strings)).not.toContain("nav"); // the root's, loaded once
    expect(Object.keys(strings)).not.toContain("kpi");
    // the server learns each route's namespaces; the browser's copy is empty
    expect(load("\0virtual:route-strings/namespaces", { ssr: true })).toContain('"routes/consultations._index":[');
    expect(load("\0virtual:route-strings/namespaces")).toBe("export default {};");
  });
});
