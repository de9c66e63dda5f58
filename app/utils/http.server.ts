// Expected failures as responses a user understands; the ErrorBoundary renders them.

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** 404 when a record is missing or outside what the user may see. */
export function invariantFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) notFound();
  return value;
}

/** A browser asking for a page (not a script, not a download manager asking for data). */
function wantsPage(request: Request) {
  return request.method === "GET" && (request.headers.get("Accept") ?? "").includes("text/html");
}

/**
 * A resource route (a file, a certificate, a PDF) refused with 403 or 404 answers a browser's
 * page request with the app's own page for that status (header, message, a way on) instead of
 * a bare "Not Found"; other clients get the status as it is.
 */
export function refusalAsPage<A extends { request: Request }, R>(load: (args: A) => Promise<R>) {
  return async (args: A): Promise<R> => {
    try {
      return await load(args);
    } catch (error) {
      if (error instanceof Response && (error.status === 403 || error.status === 404) && wantsPage(args.request)) {
        throw new Response(null, { status: 303, headers: { Location: `/unavailable/${error.status}` } });
      }
      throw error;
    }
  };
}
