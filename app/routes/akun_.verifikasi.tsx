// Email verification: sends a one-time link to the signed-in account's address.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { createEmailVerifyToken } from "~/models/email-verification.server";
import { env } from "~/services/env.server";
import { getT } from "~/services/i18n.server";
import { sendMail } from "~/services/mail.server";
import { requireUser } from "~/services/session.server";

export const meta: MetaFunction = () => [{ title: "Verifikasi email — KIM Hackathon" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, verified: user.emailVerified };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (user.emailVerified) return { sent: false };
  const token = await createEmailVerifyToken(user.id, new Date());
  const t = await getT(request);
  const link = `${env().APP_URL.replace(/\/$/, "")}/verifikasi-email/${token}`;
  await sendMail({ to: user.email, subject: t("vote.verifyMailSubject"), text: t("vote.verifyMailBody", { name: user.name, link }) });
  return { sent: true };
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
          <p className="text-slate-800">{t("vote.verifyIntro", { email })}</p>
          <button type="submit" className="btn-primary w-full">{t("vote.verifySend")}</button>
        </Form>
      )}
    </div>
  );
}
