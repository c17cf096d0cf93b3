import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { findInvitedTeam } from "~/models/team.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { clientIp, throttle } from "~/services/rate-limit.server";
import { requireUser } from "~/services/session.server";
import { joinCodeSchema } from "~/validation/team";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "joinTeam") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

/** A typed code leads to the same confirmation page as the invite link. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseKnownFields(await request.formData(), joinCodeSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  // Codes are short enough to type, so guessing them is throttled per account and per address.
  const limited = await throttle([
    ["joinCodeAccount", user.id],
    ["joinCodeIp", clientIp(request)],
  ]);
  if (limited) {
    return data(reply(submission, { formErrors: [limited.formError] }), { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const team = await findInvitedTeam({ code: submission.value.code });
  if (!team) return data(reply(submission, { fieldErrors: { code: ["join.errors.invalidCode"] } }), { status: 400 });
  return redirect(`/gabung/${team.inviteToken}`);
}

export default function JoinByCode() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(joinCodeSchema, {
    lastResult,
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("join.codeTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("join.codeIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <TextField label={t("join.code")} hint={t("join.codeHint")} field={fields.code} autoComplete="off" placeholder="AB3D EF9H" />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {t("join.findTeam")}
        </button>
      </Form>
    </div>
  );
}
