import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireOrganizer } from "~/models/event-guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.name ?? "Kelola"} — Kelola — KIM Hackathon` }];

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
  { to: "pengumuman", key: "announcements" },
  { to: "audit", key: "audit" },
] as const;

export default function OrganizerLayout() {
  const { t } = useTranslation();
  const { event } = useLoaderData<typeof loader>();
  const base = `/kelola/${event.slug}`;
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone most tabs are off-screen; keep the current one in view.
  useEffect(() => {
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "center" });
  }, [pathname]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-brand-700">{t("organizer.area")}</p>
          <h1 className="text-2xl font-bold leading-tight sm:text-3xl">{event.name}</h1>
          <p className="mt-1 text-sm">
            <span className={`badge ${event.isPublic ? "bg-green-100 text-green-900" : "bg-slate-200 text-slate-800"}`}>
              {event.isPublic ? t("organizer.public") : t("organizer.private")}
            </span>
          </p>
        </div>
        <Link to={`/acara/${event.slug}`} className="btn-secondary text-sm">
          {t("organizer.viewPublic")}
        </Link>
      </div>
      <nav ref={nav} aria-label={t("organizer.tabsLabel")} className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1">
          {TABS.map((tab) => (
            <li key={tab.key}>
              <NavLink
                to={tab.to ? `${base}/${tab.to}` : base}
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
      <Outlet />
    </div>
  );
}
