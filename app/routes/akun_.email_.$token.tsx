// The link mailed to a new address: opened by the account that asked for the change, it moves the
// account to that address (confirmed) and tells the old one.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmEmailChange } from "~/models/email-verification.server";
import { normalizeEmail, promoteAdmin } from "~/models/user.server";
import { sendEmailChangedMail } from "~/services/account-mail.server";
import { env } from "~/services/env.server";
import { getT } from "~/services/i18n.server";
import { requireUser } from "~/services/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "changeEmail") }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Signed out, the owner signs in (with the address in use until now) and comes back here.
  const user = await requireUser(request);
  const result = await confirmEmailChange(params.token ?? "", user.id, new Date());
  if (!result.ok) return data({ state: result.code }, { status: result.code === "wrongAccount" ? 403 : 400 });
  await sendEmailChangedMail(await getT(request), result, result.oldEmail, result.newEmail);
  // ADMIN_EMAIL's confirmed account is the platform admin (checked at every start too).
  const adminEmail = env().ADMIN_EMAIL;
  if (adminEmail && normalizeEmail(adminEmail) === result.newEmail) await promoteAdmin(adminEmail);
  return redirect("/akun?ok=email-diganti");
}

export default function ConfirmEmailChange() {
  const { t } = useTranslation();
  const { state } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("account.emailTitle")}</h1>
      <p className="card border-red-300" role="alert">
        {t(`account.emailChangeResult.${state}`)}
      </p>
      <Link to="/akun" className="btn-secondary">
        {t("account.backToAccount")}
      </Link>
    </div>
  );
}
