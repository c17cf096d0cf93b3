import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganizer } from "~/models/event-guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizer(request, params.slug);
  return null;
}

// Structure is split over short pages so each fits a phone without endless scrolling.
const PAGES = [
  { to: "", key: "general" },
  { to: "wilayah", key: "regions" },
  { to: "rubrik", key: "rubric" },
  { to: "penghargaan", key: "awards" },
] as const;

export default function StructureLayout() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const base = `/kelola/${slug}/struktur`;
  return (
    <div className="space-y-5">
      <nav aria-label={t("structure.nav")}>
        <ul className="flex flex-wrap gap-2">
          {PAGES.map((p) => (
            <li key={p.key}>
              <NavLink
                to={p.to ? `${base}/${p.to}` : base}
                end
                className={({ isActive }) =>
                  `inline-flex min-h-[40px] items-center rounded-full px-4 text-sm font-semibold ${isActive ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`
                }
              >
                {t(`structure.pages.${p.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
