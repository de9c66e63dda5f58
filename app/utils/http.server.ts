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
