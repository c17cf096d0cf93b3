import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "~/components/error-panel";
import { useDisclosure } from "~/components/layout";
import { requireOrganizer } from "~/models/event-guards.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: data ? pageTitle(matches, "manageEvent", { event: data.event.name }) : pageTitle(matches, "manage") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  return { event: { slug: event.slug, name: event.name, isPublic: event.isPublic } };
}

const TABS = [
  { to: "", key: "overview", end: true },
  { to: "pengaturan", key: "settings" },
  { to: "linimasa", key: "timeline" },
  { to: "struktur", key: "structure" },
  { to: "tim-panitia", key: "staff" },
  { to: "tim", key: "teams" },
  { to: "karya", key: "submissions" },
  { to: "penjurian", key: "judging" },
  { to: "hasil", key: "results" },
  { to: "statistik", key: "statistics" },
  { to: "pengumuman", key: "announcements" },
  { to: "pengingat", key: "reminders" },
  { to: "audit", key: "audit" },
] as const;

function Chevron() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="shrink-0 group-open:rotate-180" fill="currentColor">
      <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4z" />
    </svg>
  );
}

type OrganizerEvent = Awaited<ReturnType<typeof loader>>["event"];

export default function OrganizerLayout() {
  const { event } = useLoaderData<typeof loader>();
  return (
    <OrganizerFrame event={event}>
      <Outlet />
    </OrganizerFrame>
  );
}

/**
 * A section that fails shows its message under the event's name and the section menu, so the
 * organizer can go on to another section; without the event (not found, no access) the message
 * stands alone.
 */
export function ErrorBoundary() {
  const { t } = useTranslation();
  const data = useRouteLoaderData<typeof loader>("routes/kelola.$slug");
  if (!data) return <ErrorPanel back={{ to: "/dasbor", label: t("errors.backToDashboard") }} />;
  return (
    <OrganizerFrame event={data.event}>
      <ErrorPanel back={{ to: `/kelola/${data.event.slug}`, label: t("errors.backToOrganizer") }} headingLevel={2} />
    </OrganizerFrame>
  );
}

function OrganizerFrame({ event, children }: { event: OrganizerEvent; children: ReactNode }) {
  const { t } = useTranslation();
  const base = `/kelola/${event.slug}`;
  const { pathname } = useLocation();
  const menu = useDisclosure();
  const hrefOf = (tab: (typeof TABS)[number]) => (tab.to ? `${base}/${tab.to}` : base);
  const current = TABS.find((tab) => (tab.to ? pathname === hrefOf(tab) || pathname.startsWith(`${hrefOf(tab)}/`) : pathname === base || pathname === `${base}/`)) ?? TABS[0];
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-brand-700">{t("organizer.area")}</p>
          <h1 className="text-2xl font-bold leading-tight sm:text-3xl">{event.name}</h1>
          <p className="mt-1 text-sm">
            <span className={`badge ${event.isPublic ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>{event.isPublic ? t("organizer.public") : t("organizer.private")}</span>
          </p>
        </div>
        <Link to={`/acara/${event.slug}`} className="btn-secondary text-sm">
          {t("organizer.viewPublic")}
        </Link>
      </div>
      <nav aria-label={t("organizer.tabsLabel")}>
        {/* A phone gets every section in one list behind a button that names the current one. */}
        <details ref={menu} className="group sm:hidden">
          <summary className="menu-summary min-h-[48px] justify-between rounded-lg border border-slate-300 bg-white px-4 text-slate-900">
            <span>
              <span className="font-normal text-slate-600">{t("organizer.section")}: </span>
              {t(`organizer.tabs.${current.key}`)}
            </span>
            <Chevron />
          </summary>
          <ul className="mt-2 grid grid-cols-2 gap-1 rounded-lg border border-slate-200 bg-white p-2 shadow-sm">
            {TABS.map((tab) => (
              <li key={tab.key}>
                <NavLink
                  to={hrefOf(tab)}
                  end={"end" in tab}
                  className={({ isActive }) => `flex min-h-[44px] items-center rounded-md px-3 text-sm font-semibold ${isActive ? "bg-brand-600 text-white" : "text-slate-800 hover:bg-slate-100"}`}
                >
                  {t(`organizer.tabs.${tab.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </details>
        <ul className="hidden flex-wrap gap-x-1 border-b border-slate-200 sm:flex">
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink
                to={hrefOf(tab)}
                end={"end" in tab}
                className={({ isActive }) =>
                  `inline-flex min-h-[44px] items-center border-b-[3px] px-3 text-sm font-semibold ${isActive ? "border-brand-600 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"}`
                }
              >
                {t(`organizer.tabs.${tab.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
