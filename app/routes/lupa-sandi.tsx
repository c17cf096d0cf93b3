import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { createPasswordResetToken, findUserByEmail, normalizeEmail } from "~/models/user.server";
import { env } from "~/services/env.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { getT } from "~/services/i18n.server";
import { sendMail } from "~/services/mail.server";
import { clientIp, throttle } from "~/services/rate-limit.server";
import { forgotSchema, RESET_TOKEN_MINUTES } from "~/validation/auth";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "forgotPassword") }];

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseKnownFields(await request.formData(), forgotSchema);
  if (submission.status !== "success") return data({ result: reply(submission), sent: false }, { status: 400 });
  const email = normalizeEmail(submission.value.email);
  const limited = await throttle([
    ["resetIp", clientIp(request)],
    ["resetAccount", email],
  ]);
  if (limited) {
    return data({ result: reply(submission, { formErrors: [limited.formError] }), sent: false }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const user = await findUserByEmail(email);
  // The answer is the same whether or not the account exists.
  if (user) {
    const token = await createPasswordResetToken(user.id, new Date());
    const t = await getT(request);
    const link = new URL(`/atur-ulang-sandi/${token}`, env().APP_URL).toString();
    await sendMail({
      to: user.email,
      subject: t("auth.resetMailSubject"),
      text: t("auth.resetMailBody", { name: user.name, link, minutes: RESET_TOKEN_MINUTES }),
    });
  }
  return { result: reply(submission, { resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(forgotSchema, {
    lastResult: actionData?.result,
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("auth.forgotTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("auth.forgotIntro", { minutes: RESET_TOKEN_MINUTES })}</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-3">
        {actionData?.sent ? <FormAlert tone="success" errors={["auth.forgotSent"]} /> : null}
        <FormAlert errors={serverFormErrors(actionData?.result)} />
        <TextField label={t("auth.email")} field={fields.email} type="email" autoComplete="email" inputMode="email" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("auth.forgotSubmit")}
        </button>
      </Form>
    </div>
  );
}
