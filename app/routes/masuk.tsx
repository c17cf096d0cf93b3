import { getLanguage } from "~/services/i18n.server";
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseKnownFields, reply } from "~/services/forms.server";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { landingAfterLogin } from "~/domain/links";
import { isKnownDevice, KNOWN_DEVICE_DAYS, rememberDevice } from "~/models/known-device.server";
import { normalizeEmail, recordSignIn, verifyLogin } from "~/models/user.server";
import { beginLogin, deviceCookie, deviceSecret, loginSucceeded } from "~/services/login-throttle.server";
import { requireAnonymous, startSession } from "~/services/session.server";
import { loginSchema } from "~/validation/auth";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "signIn") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, loginSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const email = normalizeEmail(submission.value.email);
  const now = new Date();
  const { attempt, limited } = await beginLogin(request, email, await isKnownDevice(deviceSecret(request), email, now));
  if (limited) {
    return data(reply(submission, { formErrors: [limited.formError] }), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const user = await verifyLogin(email, submission.value.password);
  if (!user) return data(reply(submission, { formErrors: ["validation.invalidCredentials"] }), { status: 400 });
  const headers = new Headers({ "Set-Cookie": await startSession(user.id, request) });
  await recordSignIn(user.id, now, await getLanguage(request));
  await loginSucceeded(attempt);
  if (!attempt.knownDevice) headers.append("Set-Cookie", deviceCookie(await rememberDevice(user.id, now), KNOWN_DEVICE_DAYS));
  return redirect(landingAfterLogin(submission.value.redirectTo), { headers });
}

export default function Login() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(loginSchema, {
    lastResult,
  });
  const redirectTo = params.get("redirectTo") ?? "";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("auth.loginTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("auth.loginIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        {params.get("reset") === "1" ? <FormAlert tone="success" errors={["auth.resetDone"]} /> : null}
        {params.get("akun") === "dihapus" ? <FormAlert tone="success" errors={["privacy.delete.done"]} /> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label={t("auth.email")} field={fields.email} type="email" autoComplete="email" inputMode="email" />
        <TextField label={t("auth.password")} field={fields.password} type="password" autoComplete="current-password" />
        <div className="text-right text-sm">
          <Link to="/lupa-sandi" className="btn-link">
            {t("auth.forgot")}
          </Link>
        </div>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("auth.submitLogin")}
        </button>
        <p className="text-center text-sm text-slate-700">
          {t("auth.noAccount")}{" "}
          <Link to={`/daftar${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`} className="btn-link">
            {t("auth.submitSignup")}
          </Link>
        </p>
      </Form>
    </div>
  );
}
