// Asks a signed-in user to agree to the privacy notice in force when their last agreement is to
// an older version (or none). Every other page sends them here (root loader); logging out,
// reading the notice and deleting the account stay open.
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, FormAlert, serverFormErrors, useZodForm } from "~/components/forms";
import { PrivacyFull, PrivacyVersion } from "~/components/privacy-notice";
import { safeRedirect } from "~/domain/links";
import { needsPrivacyConsent, PRIVACY_VERSION } from "~/domain/privacy";
import { acceptPrivacyNotice } from "~/models/user.server";
import { env } from "~/services/env.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireUser } from "~/services/session.server";
import { consentSchema } from "~/validation/privacy";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "privacy") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const back = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/dasbor");
  if (!needsPrivacyConsent(user.privacyVersion)) throw redirect(back);
  return { operator: env().PRIVACY_OPERATOR, contact: env().PRIVACY_CONTACT ?? null, version: PRIVACY_VERSION };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseKnownFields(await request.formData(), consentSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  await acceptPrivacyNotice(user.id, { version: PRIVACY_VERSION, at: new Date() });
  return redirect(safeRedirect(submission.value.redirectTo, "/dasbor"));
}

export default function PrivacyConsent() {
  const { t } = useTranslation();
  const { operator, contact, version } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(consentSchema, {
    lastResult,
    shouldValidate: "onSubmit",
  });
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("privacy.consent.title")}</h1>
      <p className="text-slate-700">{t("privacy.consent.intro", { version })}</p>
      <PrivacyVersion />
      <div className="card">
        <PrivacyFull operator={operator} contact={contact} />
      </div>
      <Form method="post" {...getFormProps(form)} className="card space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <CheckboxField label={t("privacy.agree")} field={fields.agree} withErrors />
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("privacy.consent.submit")}
        </button>
      </Form>
      <div className="card space-y-3 text-sm text-slate-700">
        <p>{t("privacy.consent.notAgree")}</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Form method="post" action="/keluar">
            <button type="submit" className="btn-secondary w-full sm:w-auto">
              {t("nav.logout")}
            </button>
          </Form>
          <a href="/akun/data.zip" className="btn-secondary w-full sm:w-auto" download>
            {t("privacy.export.button")}
          </a>
          <Link to="/akun/hapus" className="btn-secondary w-full sm:w-auto">
            {t("privacy.consent.deleteLink")}
          </Link>
        </div>
      </div>
    </div>
  );
}
