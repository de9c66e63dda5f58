import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import path from "node:path";
import { routeStringsPlugin } from "./scripts/route-strings.mjs";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
  plugins: [
    tailwindcss(),
    // each page ships the strings of its own namespaces, not the whole catalogue (decision 0020)
    routeStringsPlugin({
      appDir: path.resolve(__dirname, "app"),
      catalogues: { ja: path.resolve(__dirname, "app/locales/ja/common.json"), en: path.resolve(__dirname, "app/locales/en/common.json") },
    }),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: true,
      },
    }),
  ],
  build: { target: "es2022" },
});
