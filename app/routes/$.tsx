import { notFound } from "~/utils/http.server";

// Any unknown URL: the root ErrorBoundary renders the 404 page in the app's style.
export async function loader() {
  notFound();
}

export default function NotFoundPage() {
  return null;
}
