import type { LoaderFunctionArgs } from "@remix-run/node";

// Where a refused file, certificate or PDF sends a browser (refusalAsPage in http.server.ts): the
// app's own page for 403 or 404, drawn by the root's error boundary with the header and a way on.

export async function loader({ params }: LoaderFunctionArgs) {
  throw new Response(null, { status: params.status === "403" ? 403 : 404 });
}

export default function Unavailable() {
  return null;
}
