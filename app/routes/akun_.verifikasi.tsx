// Email verification: sends a one-time link to the signed-in account's address.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { createEmailVerifyToken } from "~/models/email-verification.server";
import { sendVerificationMail } from "~/services/account-mail.server";
import { getT } from "~/services/i18n.server";
import { clientIp, throttle } from "~/services/rate-limit.server";
import { requireUser } from "~/services/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "verifyEmail") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, verified: user.emailVerified };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (user.emailVerified) return { sent: false, error: null };
  // Each send is a mail to someone's inbox: a few per hour per account (and per address) is enough.
  const limited = await throttle(
    [
      ["verifyMailAccount", user.id],
      ["verifyMailIp", clientIp(request)],
    ],
    { verifyMailAccount: "account.verifyLimited" },
  );
  if (limited) return data({ sent: false, error: limited.formError }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  await sendVerificationMail(await getT(request), user, await createEmailVerifyToken(user.id, new Date()));
  return { sent: true, error: null };
}

export default function VerifyEmail() {
  const { t } = useTranslation();
  const { email, verified } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("vote.verifyTitle")}</h1>
      {verified ? (
        <FormAlert tone="success" errors={["vote.alreadyVerified"]} />
      ) : (
        <Form method="post" className="card space-y-3">
          {result?.sent ? <FormAlert tone="success" errors={["vote.verifySent"]} /> : null}
          <FormAlert errors={result?.error ? [result.error] : null} />
          <p className="text-slate-800">{t("vote.verifyIntro", { email })}</p>
          <button type="submit" className="btn-primary w-full">
            {t("vote.verifySend")}
          </button>
        </Form>
      )}
    </div>
  );
}
