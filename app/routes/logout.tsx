import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { LOGOUT_INTENTS } from "~/modules/account/intents.server";
import { answerIntent, runIntent } from "~/utils/intents.server";
import { readForm } from "~/utils/form-body.server";
import { destroySession } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return answerIntent(await runIntent(LOGOUT_INTENTS, { endSession: () => destroySession(request) }, await readForm(request)), "/login");
}

export async function loader() {
  return redirect("/");
}
