import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { savePreferredLocale } from "~/modules/account/profile.server";
import { isLocale } from "~/utils/i18n";
import { localeCookie } from "~/utils/locale.server";
import { safeRedirect } from "~/utils/request.server";
import { getSessionUser } from "~/utils/session.server";
import { readForm } from "~/utils/form-body.server";

/** Language switch: remembered in a cookie, and as the user's preference when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(back);
  const user = await getSessionUser(request);
  if (user) await savePreferredLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export async function loader() {
  return redirect("/");
}
