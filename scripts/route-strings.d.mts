import type { Plugin } from "vite";
export function createRouteStrings(options: { appDir: string; namespaces: string[]; withServer?: boolean }): { namespacesOf(file: string): string[] };
export function pick(catalogue: Record<string, unknown>, namespaces: string[]): Record<string, unknown>;
export function routeStringsPlugin(options: { appDir: string; catalogues: Record<string, string> }): Plugin;
