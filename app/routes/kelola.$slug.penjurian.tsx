// Organizer judging area: a round picker and sub-pages (assignment, progress, conflicts, next
// round, audit). Rendered inside the organizer layout of /kelola/:slug.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { workingRound } from "~/domain/phase";
import { requireOrganizer } from "~/models/event-guards.server";
import { pageTitle, parentData } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "manageJudging", { event: parentData<{ event: { name: string } }>(matches, "routes/kelola.$slug")?.event.name ?? "" }) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireOrganizer(request, params.slug);
  const url = new URL(request.url);
  const round = workingRound(event.rounds, url.searchParams.get("babak"), new Date());
  return { slug: event.slug, rounds: event.rounds.map((r) => ({ id: r.id, name: r.name })), roundId: round?.id ?? null };
}

export default function JudgingLayout() {
  const { t } = useTranslation();
  const { slug, rounds, roundId } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const q = roundId ? `?babak=${roundId}` : "";
  const base = `/kelola/${slug}/penjurian`;
  const tab = ({ isActive }: { isActive: boolean }) =>
    `inline-flex min-h-[44px] items-center whitespace-nowrap rounded-md px-3 text-sm font-semibold ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-xl font-bold sm:text-2xl">{t("judging.title")}</h2>
        {rounds.length > 1 ? (
          <Form method="get" action={pathname} className="flex items-end gap-2">
            <div>
              <label htmlFor="babak" className="field-label">
                {t("judging.round")}
              </label>
              <select id="babak" name="babak" defaultValue={roundId ?? ""} className="field-input">
                {rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">
              {t("judging.show")}
            </button>
          </Form>
        ) : null}
      </div>
      <nav aria-label={t("judging.nav")} className="flex flex-wrap gap-1 border-b border-slate-200 pb-2">
        <NavLink to={`${base}${q}`} end className={tab}>
          {t("judging.tabs.assignment")}
        </NavLink>
        <NavLink to={`${base}/progres${q}`} className={tab}>
          {t("judging.tabs.progress")}
        </NavLink>
        <NavLink to={`${base}/konflik${q}`} className={tab}>
          {t("judging.tabs.conflicts")}
        </NavLink>
        <NavLink to={`${base}/babak${q}`} className={tab}>
          {t("judging.tabs.advance")}
        </NavLink>
        <NavLink to={`${base}/audit${q}`} className={tab}>
          {t("judging.tabs.audit")}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
