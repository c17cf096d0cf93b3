// Deleting one's own account: what is erased and what is kept, then the current password and a
// typed confirmation. A captain of a team with other members hands over captaincy first.
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { deleteAccount, teamsToHandOver } from "~/models/account-deletion.server";
import { isKnownDevice } from "~/models/known-device.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { beginLogin, deviceSecret, loginSucceeded } from "~/services/login-throttle.server";
import { blankSessionCookie, requireUser } from "~/services/session.server";
import { deleteAccountSchema } from "~/validation/privacy";
import { pageTitle } from "~/components/page-title";
import { msg } from "~/validation/message";
import { PageHeading } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "deleteAccount") }];

const SECRET = ["currentPassword"];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { handOver: await teamsToHandOver(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseKnownFields(await request.formData(), deleteAccountSchema);
  if (submission.status !== "success") return data(reply(submission, {}, SECRET), { status: 400 });
  const now = new Date();
  // A wrong password here counts against the same limits as a wrong password at login.
  const { attempt, limited } = await beginLogin(request, user.email, await isKnownDevice(deviceSecret(request), user.email, now));
  if (limited) {
    return data(reply(submission, { formErrors: [limited.formError] }, SECRET), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const result = await deleteAccount(user.id, submission.value.currentPassword, now);
  if (!result.ok) {
    if (result.code === "wrongPassword") return data(reply(submission, { fieldErrors: { currentPassword: ["account.wrongPassword"] } }, SECRET), { status: 400 });
    await loginSucceeded(attempt);
    return data(reply(submission, { formErrors: [msg("privacy.delete.captainBlocked", { teams: result.teams.join(", ") })] }, SECRET), { status: 409 });
  }
  await loginSucceeded(attempt);
  return redirect("/masuk?akun=dihapus", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export default function DeleteAccount() {
  const { t } = useTranslation();
  const { handOver } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(deleteAccountSchema, {
    lastResult,
  });
  const formErrors = serverFormErrors(lastResult);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeading trail={[{ to: "/akun", label: t("auth.accountTitle") }]} title={t("privacy.delete.title")} />
      <p className="text-slate-700">{t("privacy.delete.intro")}</p>
      <a href="/akun/data.zip" className="btn-secondary w-full sm:w-auto" download>
        {t("privacy.export.button")}
      </a>
      <Card id="dihapus" title={t("privacy.delete.erasedTitle")}>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
          <li>{t("privacy.delete.erased1")}</li>
          <li>{t("privacy.delete.erased2")}</li>
          <li>{t("privacy.delete.erased3")}</li>
        </ul>
      </Card>
      <Card id="disimpan" title={t("privacy.delete.keptTitle")}>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
          <li>{t("privacy.delete.kept1")}</li>
          <li>{t("privacy.delete.kept2")}</li>
          <li>{t("privacy.delete.kept3")}</li>
          <li>{t("privacy.delete.kept4")}</li>
        </ul>
      </Card>
      {handOver.length && !formErrors?.length ? <FormAlert errors={[msg("privacy.delete.captainBlocked", { teams: handOver.join(", ") })]} /> : null}
      <Form method="post" {...getFormProps(form)} className="card space-y-3 border-red-200">
        <FormAlert errors={formErrors} />
        <TextField label={t("account.currentPassword")} field={fields.currentPassword} type="password" autoComplete="current-password" />
        <TextField label={t("privacy.delete.confirmLabel")} field={fields.confirmation} autoComplete="off" />
        <button type="submit" className="btn-danger w-full" disabled={busy}>
          {t("privacy.delete.submit")}
        </button>
      </Form>
    </div>
  );
}
