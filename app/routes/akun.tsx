// The account page: profile (name, WhatsApp), the address and its state, the password, devices.
// Changing the password or the address has its own page (/akun/sandi, /akun/email).
import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors, TextField, useZodForm } from "~/components/forms";
import { VerifyEmailNotice } from "~/components/verify-notice";
import { pendingEmailChange } from "~/models/email-verification.server";
import { countSessions, getProfile, updateProfile } from "~/models/user.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { endAllSessions, requireUser } from "~/services/session.server";
import { profileSchema } from "~/validation/account";
import { pageTitle } from "~/components/page-title";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "account") }];

/** What `?ok=` may announce after a change made here or on the sub-pages. */
const NOTICES = {
  profil: "account.profileSaved",
  sandi: "account.passwordChanged",
  "email-dikirim": "account.emailSentNotice",
  "email-diganti": "account.emailChanged",
  "email-dibatalkan": "account.emailCancelled",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const [profile, sessions, pending] = await Promise.all([getProfile(user.id), countSessions(user.id, now), pendingEmailChange(user.id, now)]);
  return { profile, sessions, verified: user.emailVerified, pendingEmail: pending?.email ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "logout-all") {
    const cookie = await endAllSessions(user.id);
    return redirect("/masuk", { headers: { "Set-Cookie": cookie } });
  }
  if (intent !== "profile") return new Response("Bad request", { status: 400 });
  const submission = parseKnownFields(form, profileSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  await updateProfile(user.id, submission.value);
  return redirect("/akun?ok=profil");
}

export default function Account() {
  const { t } = useTranslation();
  const { profile, sessions, verified, pendingEmail } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("ok") as keyof typeof NOTICES] ?? null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("auth.accountTitle")}</h1>
      {notice ? <FormAlert tone="success" errors={[notice]} /> : null}
      <VerifyEmailNotice verified={verified} />
      {/* Remounted after a save so the fields show what was stored (e.g. the number as +62…). */}
      <ProfileForm key={`${profile.name}|${profile.whatsapp ?? ""}`} name={profile.name} whatsapp={profile.whatsapp} />
      <Card id="email" title={t("auth.email")}>
        <p className="mt-2 font-semibold text-slate-900 [overflow-wrap:anywhere]">{profile.email}</p>
        <p className="mt-1 text-sm text-slate-700">{verified ? t("account.emailIsVerified") : t("account.emailNotVerified")}</p>
        {pendingEmail ? (
          <p role="status" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 [overflow-wrap:anywhere]">
            {t("account.emailPending", { email: pendingEmail })}
          </p>
        ) : null}
        <Link to="/akun/email" className="btn-secondary mt-4 w-full sm:w-auto">
          {t("account.emailChangeLink")}
        </Link>
      </Card>
      <Card id="sandi" title={t("auth.password")}>
        <p className="mt-2 text-sm text-slate-700">{t("account.passwordSectionHint")}</p>
        <Link to="/akun/sandi" className="btn-secondary mt-4 w-full sm:w-auto">
          {t("account.passwordChangeLink")}
        </Link>
      </Card>
      <Card id="sesi" title={t("auth.sessionsTitle")}>
        <p className="mt-2 text-slate-700">{t("auth.sessionsCount", { count: sessions })}</p>
        <p className="mt-1 text-sm text-slate-600">{t("auth.logoutAllHint")}</p>
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value="logout-all" className="btn-danger w-full sm:w-auto">
            {t("auth.logoutAll")}
          </button>
        </Form>
      </Card>
      <Card id="data-saya" title={t("privacy.export.title")}>
        <p className="mt-2 text-sm text-slate-700">{t("privacy.export.intro")}</p>
        {/* A plain link: the download works without JavaScript. */}
        <a href="/akun/data.zip" className="btn-secondary mt-4 w-full sm:w-auto" download>
          {t("privacy.export.button")}
        </a>
        <p className="mt-3 text-sm">
          <Link to="/privasi" className="btn-link">
            {t("privacy.short.more")}
          </Link>
        </p>
      </Card>
      <Card id="hapus-akun" title={t("privacy.delete.title")}>
        <p className="mt-2 text-sm text-slate-700">{t("privacy.delete.sectionIntro")}</p>
        <Link to="/akun/hapus" className="btn-danger mt-4 w-full sm:w-auto">
          {t("privacy.delete.link")}
        </Link>
      </Card>
    </div>
  );
}

function ProfileForm({ name, whatsapp }: { name: string; whatsapp: string | null }) {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().formData?.get("intent") === "profile";
  const [form, fields] = useZodForm(profileSchema, {
    id: "profil-form",
    lastResult,
    defaultValue: { name, whatsapp: whatsapp ?? "" },
  });
  return (
    <Card id="profil" title={t("auth.profile")}>
      <p className="mt-1 text-sm text-slate-700">{t("account.profileIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
        <FormAlert errors={serverFormErrors(lastResult)} />
        <TextField label={t("auth.name")} field={fields.name} autoComplete="name" />
        <TextField label={`${t("auth.whatsapp")} (${t("common.optional")})`} hint={t("auth.whatsappHint")} field={fields.whatsapp} type="tel" autoComplete="tel" inputMode="tel" />
        <button type="submit" name="intent" value="profile" className="btn-primary w-full sm:w-auto" disabled={busy}>
          {t("account.profileSave")}
        </button>
      </Form>
    </Card>
  );
}
