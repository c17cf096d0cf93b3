import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseKnownFields, reply } from "~/services/forms.server";
import { CheckboxField, FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { PrivacySummary } from "~/components/privacy-notice";
import { safeRedirect } from "~/domain/links";
import { PRIVACY_VERSION } from "~/domain/privacy";
import { createEmailVerifyToken } from "~/models/email-verification.server";
import { createUser, findUserByEmail, normalizeEmail } from "~/models/user.server";
import { sendAccountExistsMail, sendVerificationMail } from "~/services/account-mail.server";
import { env } from "~/services/env.server";
import { getT } from "~/services/i18n.server";
import { clientIp, throttle } from "~/services/rate-limit.server";
import { requireAnonymous } from "~/services/session.server";
import { signupSchema } from "~/validation/auth";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "signUp") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return { operator: env().PRIVACY_OPERATOR };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, signupSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const email = normalizeEmail(submission.value.email);
  const limited = await throttle(
    [
      ["signupIp", clientIp(request)],
      ["signupEmail", email],
    ],
    { signupIp: "account.signupLimitedIp", signupEmail: "account.signupLimitedEmail" },
  );
  if (limited) {
    return data(reply(submission, { formErrors: [limited.formError] }), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  // The answer is the same whether or not the address has an account (no session either way):
  // the new owner gets a confirmation link, an existing owner a note with login and reset links.
  const t = await getT(request);
  const created = await createUser(submission.value, { version: PRIVACY_VERSION, at: new Date() });
  if (created) await sendVerificationMail(t, created, await createEmailVerifyToken(created.id, new Date()));
  else {
    const owner = await findUserByEmail(email);
    if (owner) await sendAccountExistsMail(t, owner);
  }
  return { sent: email, redirectTo: safeRedirect(submission.value.redirectTo, "/dasbor") };
}

export default function Signup() {
  const { t } = useTranslation();
  const { operator } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "sent" in actionData ? undefined : actionData;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(signupSchema, {
    lastResult,
  });
  if (actionData && "sent" in actionData) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("account.signupSentTitle")}</h1>
        <div className="card mt-6 space-y-3">
          <p role="status" className="text-slate-800">
            {t("account.signupSent", { email: actionData.sent })}
          </p>
          <p className="text-sm text-slate-700">{t("account.signupSentHint")}</p>
          <Link to={`/masuk?redirectTo=${encodeURIComponent(actionData.redirectTo)}`} className="btn-primary w-full">
            {t("account.loginAfterVerify")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("auth.signupTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("auth.signupIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField label={t("auth.name")} field={fields.name} autoComplete="name" />
        <TextField label={t("auth.email")} field={fields.email} type="email" autoComplete="email" inputMode="email" />
        <TextField label={`${t("auth.whatsapp")} (${t("common.optional")})`} hint={t("auth.whatsappHint")} field={fields.whatsapp} type="tel" autoComplete="tel" inputMode="tel" />
        <TextField label={t("auth.password")} hint={t("auth.passwordHint")} field={fields.password} type="password" autoComplete="new-password" />
        <TextField label={t("auth.passwordConfirm")} field={fields.confirm} type="password" autoComplete="new-password" />
        <PrivacySummary operator={operator} />
        <CheckboxField label={t("privacy.agree")} field={fields.agree} withErrors />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("auth.submitSignup")}
        </button>
        <p className="text-center text-sm text-slate-700">
          {t("auth.haveAccount")}{" "}
          <Link to={`/masuk${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo") ?? "")}` : ""}`} className="btn-link">
            {t("auth.submitLogin")}
          </Link>
        </p>
      </Form>
    </div>
  );
}
