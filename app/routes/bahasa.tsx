import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirect } from "~/domain/links";
import { asLanguage } from "~/i18n";
import { rememberLanguage } from "~/models/user.server";
import { languageCookie } from "~/services/i18n.server";
import { getUser } from "~/services/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = asLanguage(String(form.get("lng") ?? ""));
  const user = await getUser(request);
  if (user) await rememberLanguage(user.id, lng);
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await languageCookie.serialize(lng) },
  });
}
