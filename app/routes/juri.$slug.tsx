// The judge area of one event: a slim header with the event name and the judge's two pages.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "~/components/error-panel";
import { isCurrentPath, useListNavigation } from "~/components/list-navigation";
import { requireJudge } from "~/models/event-guards.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? pageTitle(matches, "judgingEvent", { event: data.event.name }) : pageTitle(matches, "judging") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireJudge(request, params.slug);
  return { event: { name: event.name, slug: event.slug } };
}

type JudgeEvent = Awaited<ReturnType<typeof loader>>["event"];

export default function JudgeArea() {
  const { event } = useLoaderData<typeof loader>();
  return (
    <JudgeFrame event={event}>
      <Outlet />
    </JudgeFrame>
  );
}

/** A failing page keeps the judge's header and tabs; without the event the message stands alone. */
export function ErrorBoundary() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof loader>("routes/juri.$slug");
  if (!data) return <ErrorPanel back={{ to: "/dasbor", label: t("errors.backToDashboard") }} />;
  return (
    <JudgeFrame event={data.event}>
      <ErrorPanel back={{ to: `/juri/${data.event.slug}`, label: t("errors.backToJudging") }} />
    </JudgeFrame>
  );
}

function JudgeFrame({ event, children }: { event: JudgeEvent; children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigateInApp = useListNavigation();
  // Plain links navigated within the app by the nav's one handler (list-navigation.ts).
  const tab = (to: string, end: boolean, label: string) => {
    const current = isCurrentPath(pathname, to, end);
    return (
      <a
        href={to}
        aria-current={current ? "page" : undefined}
        className={`inline-flex min-h-[44px] items-center rounded-md px-3 text-sm font-semibold ${current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
      >
        {label}
      </a>
    );
  };
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-brand-700">{t("judge.area")}</p>
      <p className="text-lg font-bold text-slate-900">{event.name}</p>
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- the clicks come from the links inside, which Enter also clicks */}
      <nav aria-label={t("judge.nav")} className="mt-2 flex flex-wrap gap-1 border-b border-slate-200 pb-2" onClick={navigateInApp}>
        {tab(`/juri/${event.slug}`, true, t("judge.queueTab"))}
        {tab(`/juri/${event.slug}/konflik`, false, t("judge.conflictsTab"))}
      </nav>
      <div className="mt-4">{children}</div>
    </div>
  );
}
