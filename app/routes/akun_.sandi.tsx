// Changing the password: the current one first (counted like a login attempt), then a new one
// under sign-up's rules. Every other device is signed out; this one stays.
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { isKnownDevice } from "~/models/known-device.server";
import { changePassword } from "~/models/user.server";
import { sendPasswordChangedMail } from "~/services/account-mail.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { getT } from "~/services/i18n.server";
import { beginLogin, deviceSecret, loginSucceeded } from "~/services/login-throttle.server";
import { requireUser, requireUserSession } from "~/services/session.server";
import { passwordChangeSchema, SECRET_FIELDS } from "~/validation/account";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "changePassword") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionKey } = await requireUserSession(request);
  const submission = parseKnownFields(await request.formData(), passwordChangeSchema);
  if (submission.status !== "success") return data(reply(submission, {}, SECRET_FIELDS), { status: 400 });
  const now = new Date();
  const device = deviceSecret(request);
  // A wrong current password counts against the same limits as a wrong password at login.
  const { attempt, limited } = await beginLogin(request, user.email, await isKnownDevice(device, user.email, now));
  if (limited) {
    return data(reply(submission, { formErrors: [limited.formError] }, SECRET_FIELDS), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const { currentPassword, password } = submission.value;
  const result = await changePassword(user.id, { current: currentPassword, next: password, keepSessionKey: sessionKey, keepDeviceSecret: device }, now);
  if (!result.ok) {
    return data(reply(submission, { fieldErrors: { currentPassword: ["account.wrongPassword"] } }, SECRET_FIELDS), { status: 400 });
  }
  await loginSucceeded(attempt);
  await sendPasswordChangedMail(await getT(request), user);
  return redirect("/akun?ok=sandi");
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(passwordChangeSchema, {
    lastResult,
  });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeading trail={[{ to: "/akun", label: t("auth.accountTitle") }]} title={t("account.passwordTitle")} />
      <p className="text-slate-700">{t("account.passwordIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="card space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <TextField label={t("account.currentPassword")} field={fields.currentPassword} type="password" autoComplete="current-password" />
        <TextField label={t("account.newPassword")} hint={t("auth.passwordHint")} field={fields.password} type="password" autoComplete="new-password" />
        <TextField label={t("account.newPasswordConfirm")} field={fields.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("account.passwordSubmit")}
        </button>
        <p className="text-center text-sm text-slate-700">
          <Link to="/lupa-sandi" className="btn-link">
            {t("auth.forgot")}
          </Link>
        </p>
      </Form>
    </div>
  );
}
