import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseKnownFields, reply } from "~/services/forms.server";
import { FormAlert, serverFormErrors, TextField } from "~/components/forms";
import { safeRedirect } from "~/domain/links";
import { createUser } from "~/models/user.server";
import { clientIp, throttle } from "~/services/rate-limit.server";
import { requireAnonymous, startSession } from "~/services/session.server";
import { signupSchema } from "~/validation/auth";

export const meta: MetaFunction = () => [{ title: "Daftar — KIM Hackathon" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, signupSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const limited = await throttle([["signupIp", clientIp(request)]]);
  if (limited) {
    return data(reply(submission, { formErrors: [limited.formError] }), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const user = await createUser(submission.value);
  if (!user) {
    return data(reply(submission, { fieldErrors: { email: ["validation.emailTaken"] } }), { status: 400 });
  }
  const cookie = await startSession(user.id, request);
  return redirect(safeRedirect(submission.value.redirectTo, "/dasbor"), { headers: { "Set-Cookie": cookie } });
}

export default function Signup() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
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
