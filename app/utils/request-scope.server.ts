import { AsyncLocalStorage } from "node:async_hooks";

// What one HTTP request remembers between its loaders (the signed-in user). The production
// server (server.mjs) runs each request inside `run`; where nothing does (tests calling a loader,
// scripts) there is no scope and callers fall back to remembering per Request object.
const KEY = Symbol.for("data-academy-manager.request-scope");
type Scope = Map<string, unknown>;

function storage(): AsyncLocalStorage<Scope> {
  const holder = globalThis as { [KEY]?: AsyncLocalStorage<Scope> };
  return (holder[KEY] ??= new AsyncLocalStorage<Scope>());
}

export function currentRequestScope(): Scope | undefined {
  return storage().getStore();
}

/** Runs `handle` with a fresh scope (server.mjs does the same through the shared symbol). */
export function inRequestScope<T>(handle: () => T): T {
  return storage().run(new Map(), handle);
}
