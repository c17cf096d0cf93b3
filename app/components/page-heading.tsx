import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Crumb = { to: string; label: string };

/** Where this page sits: the pages above it, each a link, nearest last. */
export function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("common.breadcrumb")} className="text-sm font-semibold text-brand-700">
      {trail.map((crumb, i) => (
        <span key={crumb.to}>
          {i > 0 ? <span aria-hidden="true"> / </span> : null}
          <Link to={crumb.to} className="hover:underline">
            {crumb.label}
          </Link>
        </span>
      ))}
    </nav>
  );
}

/**
 * The top of a page: the way back up, the page's one h1 (with a status badge beside it when
 * given) and what the page says about itself underneath.
 */
export function PageHeading({ trail, title, badge, children }: { trail?: Crumb[]; title: ReactNode; badge?: ReactNode; children?: ReactNode }) {
  return (
    <div>
      {trail?.length ? <Breadcrumbs trail={trail} /> : null}
      <h1 className={`mt-1 text-2xl font-bold sm:text-3xl ${badge ? "flex flex-wrap items-center gap-3" : ""}`}>
        {badge ? <span>{title}</span> : title}
        {badge}
      </h1>
      {children}
    </div>
  );
}
