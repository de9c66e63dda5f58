import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LOCALE_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { getSessionUser } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";

/** Language switch: remembered in a cookie, and as the user's preference when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  return answerIntent(await runIntent(LOCALE_INTENTS, { userId: user?.id ?? null }, await readForm(request)), "/");
}

export async function loader() {
  return redirect("/");
}
