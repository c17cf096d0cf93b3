import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PlainField } from "~/components/event-forms";
import { FormAlert } from "~/components/forms";
import { acceptInvite, findInvite, inviteeMismatch } from "~/models/invite.server";
import { listRegions } from "~/models/structure.server";
import { getUser, requireUser } from "~/services/session.server";
import { affiliationSchema } from "~/validation/structure";
import { SignInToContinue, VerifyEmailNotice } from "~/components/verify-notice";
import { parseKnownFields } from "~/services/forms.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "invite") }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const [invite, user] = await Promise.all([findInvite(token, new Date()), getUser(request)]);
  const back = `/undangan/${encodeURIComponent(token)}`;
  if (!invite) return data({ state: "invalid" as const, back, signedIn: Boolean(user), invite: null, regions: [] }, { status: 404 });
  const recorded = invite.recordedAffiliation ? [invite.region?.name, invite.kimName, invite.institution].filter(Boolean).join(" · ") : null;
  const view = { eventName: invite.event.name, role: invite.role, email: invite.email, mismatch: user ? inviteeMismatch(invite, user) : null, recorded };
  if (invite.state !== "valid") return data({ state: invite.state, back, signedIn: Boolean(user), invite: view, regions: [] }, { status: 410 });
  const regions = invite.role === "JUDGE" && user && !recorded ? await listRegions(invite.eventId) : [];
  return { state: "valid" as const, back, signedIn: Boolean(user), invite: view, regions: regions.map((r) => ({ id: r.id, name: r.name })) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseKnownFields(formData, affiliationSchema);
  if (submission.status !== "success") return data({ error: submission.reply().error ?? {} }, { status: 400 });
  const result = await acceptInvite(params.token ?? "", user, submission.value, new Date());
  if (!result.ok) {
    if (result.code === "badRegion") return data({ error: { regionId: ["validation.invalid"] } }, { status: 400 });
    if (result.code === "wrongAccount" || result.code === "unverified") return data({ error: { "": [`invite.errors.${result.code}`] } }, { status: 403 });
    return data({ error: { "": [`invite.errors.${result.code}`] } }, { status: result.code === "invalid" ? 404 : 410 });
  }
  return redirect(result.role === "ORGANIZER" ? `/kelola/${result.eventSlug}?tersimpan=welcome` : `/juri/${result.eventSlug}`);
}

export default function InvitePage() {
  const { t } = useTranslation();
  const { state, back, signedIn, invite, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { error?: Record<string, string[] | null> } | undefined;
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.error;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("invite.title")}</h1>
      {state !== "valid" ? (
        <div className="card space-y-3">
          <FormAlert errors={[`invite.errors.${state}`]} />
          <p className="text-slate-700">{t("invite.askAgain")}</p>
          <Link to="/" className="btn-secondary">
            {t("errors.backHome")}
          </Link>
        </div>
      ) : invite ? (
        <div className="card space-y-4">
          <p className="text-lg">{t("invite.intro", { event: invite.eventName, role: t(`invite.roles.${invite.role}`) })}</p>
          {invite.email ? <p className="text-sm text-slate-700">{t("invite.sentTo", { email: invite.email })}</p> : null}
          {!signedIn ? (
            <SignInToContinue message={t("invite.signInFirst")} back={back} />
          ) : invite.mismatch === "wrongAccount" ? (
            <FormAlert errors={["invite.errors.wrongAccount"]} />
          ) : (
            <Form method="post" className="space-y-3">
              {invite.mismatch === "unverified" ? <VerifyEmailNotice verified={false} /> : null}
              <FormAlert errors={errors?.[""] ?? undefined} />
              {invite.recorded ? (
                <p className="text-sm text-slate-700">{t("invite.recorded", { affiliation: invite.recorded })}</p>
              ) : invite.role === "JUDGE" ? (
                <fieldset className="space-y-2">
                  <legend className="font-bold">{t("invite.affiliation")}</legend>
                  <p className="text-sm text-slate-700">{t("invite.affiliationHint")}</p>
                  <PlainField
                    id="regionId"
                    name="regionId"
                    label={t("invite.region")}
                    options={regions.map((r) => ({ value: r.id, label: r.name }))}
                    emptyOption={t("invite.noRegion")}
                    errors={errors?.regionId}
                  />
                  <PlainField id="kimName" name="kimName" label={`${t("invite.kimName")} (${t("common.optional")})`} errors={errors?.kimName} />
                  <PlainField id="institution" name="institution" label={`${t("invite.institution")} (${t("common.optional")})`} errors={errors?.institution} />
                </fieldset>
              ) : null}
              <button type="submit" className="btn-primary w-full" disabled={busy}>
                {t("invite.accept")}
              </button>
            </Form>
          )}
        </div>
      ) : null}
    </div>
  );
}
