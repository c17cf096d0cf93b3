// Changing the address: the new address and the current password; a link goes to the new address
// and the old one is told. The account keeps its address until that link is opened.
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { cancelEmailChange, pendingEmailChange, requestEmailChange, VERIFY_TOKEN_HOURS } from "~/models/email-verification.server";
import { isKnownDevice } from "~/models/known-device.server";
import { sendEmailChangeLink, sendEmailChangeRequestedMail } from "~/services/account-mail.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { getT } from "~/services/i18n.server";
import { beginLogin, deviceSecret, loginSucceeded } from "~/services/login-throttle.server";
import { throttle } from "~/services/rate-limit.server";
import { requireUser } from "~/services/session.server";
import { emailChangeSchema, SECRET_FIELDS } from "~/validation/account";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "changeEmail") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const pending = await pendingEmailChange(user.id, new Date());
  return { email: user.email, pendingEmail: pending?.email ?? null, hours: VERIFY_TOKEN_HOURS };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const now = new Date();
  if (form.get("intent") === "cancel") {
    // Nothing pending (already used, expired or withdrawn in another tab): the page shows that.
    return redirect((await cancelEmailChange(user.id, now)) ? "/akun?ok=email-dibatalkan" : "/akun/email");
  }
  const submission = parseKnownFields(form, emailChangeSchema);
  if (submission.status !== "success") return data(reply(submission, {}, SECRET_FIELDS), { status: 400 });
  const tooMany = (limited: { formError: string; retryAfterSeconds: number }) =>
    data(reply(submission, { formErrors: [limited.formError] }, SECRET_FIELDS), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  // Every request mails two inboxes and tells whether an address is free: a few per hour.
  const changeLimited = await throttle([["emailChangeAccount", user.id]], { emailChangeAccount: "account.emailChangeLimited" });
  if (changeLimited) return tooMany(changeLimited);
  const device = deviceSecret(request);
  const { attempt, limited } = await beginLogin(request, user.email, await isKnownDevice(device, user.email, now));
  if (limited) return tooMany(limited);
  const result = await requestEmailChange(user.id, submission.value, now);
  if (!result.ok) {
    if (result.code !== "wrongPassword") await loginSucceeded(attempt);
    const fieldErrors: Record<string, string[]> =
      result.code === "wrongPassword" ? { currentPassword: ["account.wrongPassword"] } : { email: [result.code === "same" ? "account.emailSame" : "account.emailTaken"] };
    return data(reply(submission, { fieldErrors }, SECRET_FIELDS), { status: 400 });
  }
  await loginSucceeded(attempt);
  const t = await getT(request);
  await sendEmailChangeLink(t, result, result.newEmail, result.token);
  await sendEmailChangeRequestedMail(t, { name: result.name, email: result.oldEmail }, result.newEmail);
  return redirect("/akun?ok=email-dikirim");
}

export default function ChangeEmail() {
  const { t } = useTranslation();
  const { email, pendingEmail, hours } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(emailChangeSchema, {
    id: "email-form",
    lastResult,
  });
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeading trail={[{ to: "/akun", label: t("auth.accountTitle") }]} title={t("account.emailTitle")} />
      <div>
        <p className="text-slate-700">{t("account.emailCurrent")}</p>
        <p className="font-semibold text-slate-900 [overflow-wrap:anywhere]">{email}</p>
      </div>
      {pendingEmail ? (
        <Form method="post" className="card space-y-3 border-amber-300 bg-amber-50">
          <p role="status" className="text-sm text-amber-900 [overflow-wrap:anywhere]">
            {t("account.emailPending", { email: pendingEmail })}
          </p>
          <button type="submit" name="intent" value="cancel" className="btn-secondary w-full">
            {t("account.emailCancel")}
          </button>
        </Form>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <p className="text-sm text-slate-700">{t("account.emailIntro", { hours })}</p>
        <TextField label={t("account.newEmail")} field={fields.email} type="email" autoComplete="email" inputMode="email" />
        <TextField label={t("account.currentPassword")} hint={t("account.emailPasswordHint")} field={fields.currentPassword} type="password" autoComplete="current-password" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("account.emailSubmit")}
        </button>
      </Form>
    </div>
  );
}
