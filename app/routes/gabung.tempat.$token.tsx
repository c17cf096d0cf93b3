// A member of an imported team claims the place kept for their address: anyone with the link sees
// what it is; only the signed-in account with that confirmed address can claim it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/forms";
import { pageTitle } from "~/components/page-title";
import { EventNoticeCheck } from "~/components/privacy-notice";
import { SignInToContinue, VerifyEmailNotice } from "~/components/verify-notice";
import { findMembership } from "~/models/team.server";
import { claimMismatch, claimSeat, claimsCaptaincy, findSeat } from "~/models/team-seat.server";
import { safeParseKnownFields } from "~/services/forms.server";
import { getUser, requireUser } from "~/services/session.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "claimSeat") }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

const claimSchema = z.object({ agreeEventNotice: z.string().max(10).optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const [seat, user] = await Promise.all([findSeat(token), getUser(request)]);
  const back = `/gabung/tempat/${encodeURIComponent(token)}`;
  if (!seat) return data({ invalid: true as const, back }, { status: 404 });
  const membership = user ? await findMembership(seat.event.id, user.id) : null;
  const notice = seat.event.privacyNotice.trim();
  return {
    invalid: false as const,
    back,
    signedIn: Boolean(user),
    verified: user?.emailVerified ?? false,
    mismatch: user ? claimMismatch(seat, user) : null,
    otherTeam: Boolean(membership && membership.teamId !== seat.team.id),
    event: seat.event.name,
    team: { name: seat.team.name, kimName: seat.team.kimName, region: seat.team.region?.name ?? null },
    role: claimsCaptaincy(seat) ? ("CAPTAIN" as const) : ("MEMBER" as const),
    pool: seat.event.pools.find((p) => p.key === seat.pool)?.label ?? null,
    email: seat.email,
    whatsapp: Boolean(seat.whatsapp),
    // The captain agrees to the event's own notice, as when registering a team.
    notice: claimsCaptaincy(seat) ? notice : "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = safeParseKnownFields(await request.formData(), claimSchema);
  const agreed = form.success && form.data.agreeEventNotice === "on";
  const result = await claimSeat(params.token ?? "", user, agreed, new Date());
  if (result.ok) return redirect(`/tim/${result.teamId}?gabung=1`);
  const status = { invalid: 404, wrongAccount: 403, unverified: 403, alreadyInTeam: 409, noticeRequired: 400 }[result.code];
  // The captain's agreement reads as when registering a team.
  const key = result.code === "noticeRequired" ? "privacy.eventNotice.required" : `seat.errors.${result.code}`;
  return data({ error: { [result.field ?? ""]: [key] } }, { status });
}

export default function ClaimSeat() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { error?: Record<string, string[]> } | undefined;
  const busy = useNavigation().state === "submitting";
  if (loaded.invalid) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("pageTitle.claimSeat")}</h1>
        <div className="card space-y-3">
          <FormAlert errors={["seat.errors.invalid"]} />
          <Link to="/dasbor" className="btn-secondary">
            {t("pageTitle.dashboard")}
          </Link>
        </div>
      </div>
    );
  }
  const { back, signedIn, verified, mismatch, otherTeam, event, team, role, pool, email, whatsapp, notice } = loaded;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <p className="text-sm font-semibold text-brand-700">{event}</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("seat.title", { team: team.name })}</h1>
      <div className="card space-y-4">
        <p className="text-lg">{t("seat.intro", { event, team: team.name, role: t(`seat.roles.${role}`) })}</p>
        <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
          {team.kimName ? (
            <>
              <dt className="font-semibold text-slate-700">{t("team.fields.kimName")}</dt>
              <dd>{team.kimName}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-700">{t("team.fields.region")}</dt>
          <dd>{team.region ?? "—"}</dd>
          {pool ? (
            <>
              <dt className="font-semibold text-slate-700">{t("team.fields.myPool")}</dt>
              <dd>{pool}</dd>
            </>
          ) : null}
        </dl>
        <p className="break-all text-sm text-slate-700">{t("seat.sentTo", { email })}</p>
        {!signedIn ? (
          <SignInToContinue message={t("seat.signInFirst")} back={back} />
        ) : mismatch === "wrongAccount" ? (
          <FormAlert errors={["seat.errors.wrongAccount"]} />
        ) : otherTeam ? (
          <FormAlert errors={["seat.otherTeam"]} />
        ) : (
          <Form method="post" className="space-y-3">
            <VerifyEmailNotice verified={verified} />
            <FormAlert errors={actionData?.error?.[""]} />
            {whatsapp ? <p className="text-sm text-slate-700">{t("seat.whatsappNote")}</p> : null}
            {notice ? <EventNoticeCheck notice={notice} label={t("privacy.eventNotice.agree")} errors={actionData?.error?.agreeEventNotice ?? []} /> : null}
            <button type="submit" className="btn-primary w-full" disabled={busy}>
              {t("seat.claim")}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
