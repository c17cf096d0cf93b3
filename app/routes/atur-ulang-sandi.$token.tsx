import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseKnownFields, reply } from "~/services/forms.server";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { checkResetToken, resetPassword } from "~/models/user.server";
import { resetSchema } from "~/validation/auth";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "resetPassword") }, { name: "referrer", content: "no-referrer" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkResetToken(params.token ?? "", new Date());
  return data({ valid: state.ok, reason: state.ok ? null : state.code }, { status: state.ok ? 200 : 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseKnownFields(await request.formData(), resetSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const result = await resetPassword(params.token ?? "", submission.value.password, new Date());
  if (!result.ok) {
    const key = result.code === "expired" ? "auth.resetExpired" : "auth.resetInvalid";
    return data(reply(submission, { formErrors: [key] }), { status: 400 });
  }
  return redirect("/masuk?reset=1");
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { valid, reason } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(resetSchema, {
    lastResult,
  });
  if (!valid) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold">{t("auth.resetTitle")}</h1>
        <div className="mt-6">
          <FormAlert errors={[reason === "expired" ? "auth.resetExpired" : "auth.resetInvalid"]} />
        </div>
        <Link to="/lupa-sandi" className="btn-primary mt-6">
          {t("auth.requestNew")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("auth.resetTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <TextField label={t("auth.password")} hint={t("auth.passwordHint")} field={fields.password} type="password" autoComplete="new-password" />
        <TextField label={t("auth.passwordConfirm")} field={fields.confirm} type="password" autoComplete="new-password" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("auth.resetSubmit")}
        </button>
      </Form>
    </div>
  );
}
