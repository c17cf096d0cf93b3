import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventCard } from "~/components/event-card";
import { phaseAt } from "~/domain/phase";
import { formatInZone, eventZone } from "~/domain/time";
import { listPublicEvents, toTimeline } from "~/models/event.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { metaLanguage, metaText } from "~/components/page-title";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => {
  const lang = metaLanguage(matches);
  return [{ title: metaText(lang, "home") }, { name: "description", content: metaText(lang, "homeDescription") }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const now = new Date();
  const [events, lang, t] = await Promise.all([listPublicEvents(), getLanguage(request), getT(request)]);
  const cards = events.map((e) => {
    const state = phaseAt(toTimeline(e), now);
    const tz = eventZone(e.timezone);
    const nextLabel = state.next ? `${t(`deadline.${state.next.key}`, { name: state.next.key === "roundCloses" ? state.next.round.name : "" })}: ${formatInZone(state.next.at, tz, lang)}` : null;
    const group = state.phase === "upcoming" ? "upcoming" : state.phase === "announcement" ? "past" : "running";
    const bannerUrl = e.bannerKey ? `/acara/${e.slug}/banner?v=${e.bannerKey.slice(-8)}` : null;
    return { slug: e.slug, name: e.name, summary: e.summary, phase: state.phase, nextLabel, teams: e._count.teams, group, bannerUrl };
  });
  return { cards };
}

export default function Home() {
  const { t } = useTranslation();
  const { cards } = useLoaderData<typeof loader>();
  const groups = (["running", "upcoming", "past"] as const).map((g) => ({ g, items: cards.filter((c) => c.group === g) }));
  return (
    <div className="space-y-10">
      <section className="overflow-hidden rounded-2xl bg-brand-800 px-5 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-100">{t("app.tagline")}</p>
        <h1 className="mt-3 max-w-3xl text-3xl font-extrabold leading-tight text-white sm:text-4xl">{t("home.heroTitle")}</h1>
        <p className="mt-4 max-w-2xl text-base text-brand-50 sm:text-lg">{t("home.heroBody")}</p>
      </section>
      {cards.length === 0 ? <p className="text-slate-700">{t("home.noEvents")}</p> : null}
      {groups.map(({ g, items }) =>
        items.length ? (
          <section key={g} aria-labelledby={`grup-${g}`}>
            <h2 id={`grup-${g}`} className="text-xl font-bold">
              {t(`home.${g}`)}
            </h2>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {items.map((c) => (
                <EventCard key={c.slug} event={c} />
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <Card id="cara-kerja" title={t("home.howItWorks")} large>
        <ol className="mt-4 grid gap-3 sm:grid-cols-4">
          {(["step1", "step2", "step3", "step4"] as const).map((s, i) => (
            <li key={s} className="flex gap-3 rounded-lg bg-slate-50 p-3">
              <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-600 font-bold text-white">{i + 1}</span>
              <span className="text-sm text-slate-800">{t(`home.${s}`)}</span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
