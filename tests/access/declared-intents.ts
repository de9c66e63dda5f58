import fs from "node:fs";
import path from "node:path";

/**
 * The intents a route's action declares (decision 0024), read from the declaration it hands to
 * runIntent: the module the route imports it from, loaded here. The authorization matrix and the
 * fuzz tests enumerate intents with it, so a new intent is tried without anyone listing it.
 */
export async function declaredIntents(route: string): Promise<string[]> {
  const source = fs.readFileSync(path.resolve("app/routes", `${route}.tsx`), "utf8");
  const name = /runIntent\(([A-Z_]+),/.exec(source)?.[1];
  if (!name) return [];
  const from = new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from "~/([^"]+)"`).exec(source)?.[1];
  if (!from) throw new Error(`${route}: cannot find where ${name} comes from`);
  const mod = (await import(/* @vite-ignore */ path.resolve("app", `${from}.ts`))) as Record<string, Record<string, unknown>>;
  const declared = mod[name];
  if (!declared) throw new Error(`${route}: ${from} does not export ${name}`);
  return Object.keys(declared);
}
