import { dropNulBytes } from "~/utils/nul-filter.server";
import { NonceProvider } from "~/utils/nonce";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { startBackgroundJobs } from "~/modules/jobs/jobs.server";
import { clearTemporaryUploads } from "~/modules/files/stored-file.server";
import { checkSettings } from "~/utils/env.server";
import { startChangeBus } from "~/utils/change-bus.server";
import "~/utils/i18n.server";

// Remix's default Node entry, plus what starts with a server process: the settings check, the
// change bus, the background jobs (pre-learning reminders, the mail sender). server.mjs calls
// `startup` before it serves (a wrong setting stops it there); the development server (vite)
// does not, so the entry does it itself when nobody else will. The HTML passes through
// dropNulBytes: React 18's streaming renderer pads its 2 KB buffers with NUL bytes where a
// multi-byte character does not fit (react#24985), and single fetch needs the streaming renderer
// (decision 0009).
export function startup() {
  checkSettings();
  startChangeBus();
  startBackgroundJobs();
  // Uploads cut off by a previous process's crash.
  clearTemporaryUploads().catch((error: unknown) => console.error("clearing temporary uploads failed", error));
}
if (!(globalThis as { __damServerManaged?: boolean }).__damServerManaged) startup();

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = dropNulBytes();
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
