import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/utils/session.server";
import { homePath } from "~/modules/academy/dashboard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return redirect(user ? await homePath(user) : "/login");
}
