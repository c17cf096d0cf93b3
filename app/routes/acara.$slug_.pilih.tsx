// People's Choice voting: one vote per verified account, only inside the window; counts hidden
// until the window closes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert, serverFormErrors } from "~/components/forms";
import { blindPeriod } from "~/domain/blind";
import { formatInZone, eventZone } from "~/domain/time";
import { castVote, myVote, voteCandidates, voteTally, voteWindow } from "~/models/vote.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { requireEvent } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { getUser, requireUser } from "~/services/session.server";
import { voteSchema } from "~/validation/results";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.event.name ? pageTitle(matches, "eventPeoplesChoice", { event: data.event.name }) : pageTitle(matches, "peoplesChoice") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await requireEvent(params.slug);
  const now = new Date();
  // Under blind judging the ballot would pair the titles judges read with team names.
  if (!event.peoplesChoice || !event.isPublic || blindPeriod(event, now)) throw notFound();
  const [user, lang] = await Promise.all([getUser(request), getLanguage(request)]);
  const window = voteWindow(event, now);
  const [candidates, mine, tally] = await Promise.all([voteCandidates(event.id), user ? myVote(event.id, user.id) : null, window === "closed" ? voteTally(event.id) : null]);
  const tz = eventZone(event.timezone);
  const counts = tally ? Object.fromEntries(tally.map((v) => [v.submissionId, v.count])) : null;
  return {
    event: { name: event.name, slug: event.slug },
    window,
    opensAt: event.votingOpensAt ? formatInZone(event.votingOpensAt, tz, lang) : null,
    closesAt: event.votingClosesAt ? formatInZone(event.votingClosesAt, tz, lang) : null,
    signedIn: !!user,
    verified: !!user?.emailVerified,
    mine: mine?.submissionId ?? null,
    candidates: candidates
      .map((c) => ({ id: c.id, title: c.title, tagline: c.tagline, team: c.team.name, region: c.team.region?.name ?? null, track: c.track?.name ?? null, votes: counts ? (counts[c.id] ?? 0) : null }))
      .sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const event = await requireEvent(params.slug);
  if (!event.peoplesChoice) throw notFound();
  const submission = parseKnownFields(await request.formData(), voteSchema);
  if (submission.status !== "success") return data(reply(submission), { status: 400 });
  const result = await castVote({ event, userId: user.id, submissionId: submission.value.submissionId, now: new Date() });
  if (!result.ok) return data(reply(submission, { formErrors: [`vote.errors.${result.code}`] }), { status: 400 });
  return data(reply(submission, { resetForm: true }), { status: 200 });
}

export default function PeoplesChoice() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const errors = serverFormErrors(last);
  const voted = last?.status === "success";
  const canVote = d.window === "open" && d.signedIn && d.verified && !d.mine;
  return (
    <div className="space-y-6">
      <PageHeading trail={[{ to: `/acara/${d.event.slug}`, label: d.event.name }]} title={t("vote.title")}>
        <p className="mt-1 text-slate-700">{t(`vote.window.${d.window}`, { opens: d.opensAt, closes: d.closesAt })}</p>
      </PageHeading>
      <FormAlert errors={errors} />
      {voted || d.mine ? <FormAlert tone="success" errors={["vote.thanks"]} /> : null}
      {d.window === "open" && !d.signedIn ? (
        <p className="card">
          <Link to={`/masuk?redirectTo=${encodeURIComponent(`/acara/${d.event.slug}/pilih`)}`} className="btn-link">
            {t("vote.loginToVote")}
          </Link>
        </p>
      ) : null}
      {d.window === "open" && d.signedIn && !d.verified ? (
        <p className="card">
          {t("vote.needVerified")}{" "}
          <Link to="/akun/verifikasi" className="btn-link">
            {t("vote.verifyNow")}
          </Link>
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {d.candidates.map((c) => (
          <li key={c.id} className={`card flex flex-col gap-2 ${d.mine === c.id ? "border-brand-600" : ""}`}>
            <div className="flex-1">
              <p className="font-bold">{c.title}</p>
              <p className="text-sm text-slate-700">
                {c.team}
                {c.region ? ` · ${c.region}` : ""}
              </p>
              {c.tagline ? <p className="mt-1 text-sm text-slate-700">{c.tagline}</p> : null}
            </div>
            {c.votes !== null ? <p className="font-semibold tabular-nums">{t("vote.count", { count: c.votes })}</p> : null}
            {d.mine === c.id ? <p className="badge w-fit bg-brand-50 text-brand-800">{t("vote.yourChoice")}</p> : null}
            {canVote && !voted ? (
              <Form method="post">
                <input type="hidden" name="submissionId" value={c.id} />
                <button type="submit" className="btn-primary w-full">
                  {t("vote.submit")}
                  <span className="sr-only"> {c.title}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";
