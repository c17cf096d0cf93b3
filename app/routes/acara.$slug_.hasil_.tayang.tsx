// Ceremony reveal: full screen, large type, from the last award to Juara I. Organizers can
// rehearse before publication (with the suggested winners); everyone can open it afterwards.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { can } from "~/domain/permissions";
import { type PublicationAwardKind, revealOrder, suggestRecipients } from "~/domain/publication";
import { getPublishedResults, listAwards } from "~/models/publication.server";
import { loadRoundResults } from "~/models/results.server";
import { actorFor, requireEvent } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getUser } from "~/services/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data?.event.name ? pageTitle(matches, "eventCeremony", { event: data.event.name }) : pageTitle(matches, "ceremony") },
];

type Slide = { award: string; recipients: { team: string; title: string }[] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const event = await requireEvent(params.slug);
  const published = await getPublishedResults(event.slug);
  let slides: Slide[];
  let rehearsal = false;
  if (published?.document && event.isPublic) {
    const doc = published.document;
    const entries = new Map(doc.entries.map((e) => [e.submissionId, e]));
    slides = revealOrder(doc.awards.filter((a) => a.recipients.length > 0)).map((a) => ({
      award: a.name,
      recipients: a.recipients.map((id) => ({ team: entries.get(id)?.teamName ?? "", title: entries.get(id)?.title ?? "" })),
    }));
  } else {
    const user = await getUser(request);
    if (!user || !can(await actorFor(user, event.id), "manage:event")) throw notFound();
    rehearsal = true;
    const [results, awards] = await Promise.all([loadRoundResults(event), listAwards(event.id)]);
    const picks = suggestRecipients(
      awards.map((a) => ({ id: a.id, kind: a.kind as PublicationAwardKind, place: a.place })),
      results.rows,
      null,
    );
    slides = revealOrder(awards.map((a) => ({ ...a, kind: a.kind as PublicationAwardKind })))
      .filter((a) => (picks[a.id] ?? []).length > 0)
      .map((a) => ({
        award: a.name,
        recipients: (picks[a.id] ?? []).map((id) => ({ team: results.entries[id]?.teamName ?? "", title: results.entries[id]?.title ?? "" })),
      }));
  }
  const total = slides.length * 2;
  const asked = Number.parseInt(new URL(request.url).searchParams.get("langkah") ?? "0", 10);
  const step = Number.isFinite(asked) ? Math.max(0, Math.min(total, asked)) : 0;
  return { event: { name: event.name, slug: event.slug }, slides, step, total, rehearsal };
}

export default function Reveal() {
  const { t } = useTranslation();
  const { event, slides, step, total, rehearsal } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const go = (n: number) => `?langkah=${Math.max(0, Math.min(total, n))}`;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "ArrowRight" || e.key === " " || e.key === "PageDown" || e.key === "Enter") {
        e.preventDefault();
        navigate(go(step + 1), { replace: true, preventScrollReset: true });
      } else if (e.key === "ArrowLeft" || e.key === "PageUp" || e.key === "Backspace") {
        e.preventDefault();
        navigate(go(step - 1), { replace: true, preventScrollReset: true });
      } else if (e.key === "Escape") {
        navigate(`/acara/${event.slug}/hasil`);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, total]);

  const slide = step > 0 ? slides[Math.ceil(step / 2) - 1] : undefined;
  const revealed = step > 0 && step % 2 === 0;
  return (
    <div className="fixed inset-0 z-50 flex flex-col bg-brand-900 text-white">
      <div className="flex items-center justify-between px-4 py-3 text-sm">
        <p className="font-semibold">
          {event.name}
          {rehearsal ? <span className="badge ml-2 bg-amber-300 text-amber-950">{t("results.reveal.rehearsal")}</span> : null}
        </p>
        <Link to={rehearsal ? `/kelola/${event.slug}/hasil` : `/acara/${event.slug}/hasil`} className="rounded px-3 py-2 font-semibold text-white underline">
          {t("results.reveal.exit")}
        </Link>
      </div>
      <div className="relative flex flex-1 items-center justify-center px-6 text-center" aria-live="polite">
        {step === 0 ? (
          <div>
            <h1 className="text-4xl font-extrabold text-white sm:text-6xl">{t("results.reveal.heading")}</h1>
            <p className="mt-6 text-xl text-brand-100 sm:text-2xl">{slides.length ? t("results.reveal.start") : t("results.reveal.empty")}</p>
          </div>
        ) : slide ? (
          <div>
            <h1 className="text-3xl font-bold uppercase tracking-widest text-amber-300 sm:text-5xl">{slide.award}</h1>
            {revealed ? (
              <ul className="mt-8 space-y-6">
                {slide.recipients.map((r) => (
                  <li key={r.team}>
                    <p className="text-5xl font-extrabold text-white sm:text-7xl">{r.team}</p>
                    <p className="mt-2 text-xl text-brand-100 sm:text-3xl">{r.title}</p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-8 text-2xl text-brand-100 sm:text-4xl">{t("results.reveal.andTheWinner")}</p>
            )}
          </div>
        ) : null}
        <Link to={go(step - 1)} replace preventScrollReset className="absolute inset-y-0 left-0 w-1/3" aria-label={t("results.reveal.back")} />
        <Link to={go(step + 1)} replace preventScrollReset className="absolute inset-y-0 right-0 w-2/3" aria-label={t("results.reveal.next")} />
      </div>
      <p className="px-4 py-3 text-center text-sm text-brand-100">
        {t("results.reveal.hint")} · {step}/{total}
      </p>
    </div>
  );
}

export { EventErrorBoundary as ErrorBoundary } from "~/components/error-panel";
