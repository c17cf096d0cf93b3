// What a visitor sees when a page cannot be shown: the status, a title and a sentence in their
// language, a way to try again and a way back. Area layouts (organizer, judge) and the event and
// team pages use it inside their own frame, so a failing section keeps the header and navigation;
// the root uses it as the last resort.
import { isRouteErrorResponse, useLocation, useParams, useRouteError } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

export type ErrorText = { status: number; title: string; body: string };

/** A body refused before the action ran, or a write the busy database did not start (app/services/request-body.server.ts). */
function bodyRefusal(data: unknown): { key: string; params: Record<string, string> } | null {
  const d = data as { key?: unknown; params?: unknown } | null;
  if (!d || typeof d.key !== "string" || !(d.key.startsWith("errors.body.") || d.key === "errors.busy")) return null;
  return { key: d.key, params: (d.params ?? {}) as Record<string, string> };
}

export function errorText(error: unknown, t: TFunction): ErrorText {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const refusal = isRouteErrorResponse(error) ? bodyRefusal(error.data) : null;
  if (refusal) {
    const title = status === 413 ? "errors.tooLargeTitle" : status === 408 ? "errors.timeoutTitle" : status === 503 ? "errors.busyTitle" : "errors.badRequestTitle";
    return { status, title: t(title), body: t(refusal.key, refusal.params) };
  }
  if (status === 404) return { status, title: t("errors.notFoundTitle"), body: t("errors.notFoundBody") };
  if (status === 403) return { status, title: t("errors.forbiddenTitle"), body: t("errors.forbiddenBody") };
  return { status, title: t("errors.genericTitle"), body: t("errors.genericBody") };
}

/**
 * The message for the error being shown. `back` leads to the start of the area the visitor was
 * in; `headingLevel` is 2 inside a frame that already has the page's h1.
 */
export function ErrorPanel({ back, headingLevel = 1 }: { back: { to: string; label: string }; headingLevel?: 1 | 2 }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { status, title, body } = errorText(error, t);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  // A failure of the server or a busy database may pass; a missing page or a refusal will not
  // change on reload.
  const retry = status >= 500 || status === 408;
  return (
    <section role="alert" aria-labelledby="galat-judul" className="mx-auto w-full max-w-xl py-10 text-center">
      <p className="text-sm font-semibold text-brand-700">{status}</p>
      <Heading id="galat-judul" className="mt-2 text-2xl font-bold sm:text-3xl">
        {title}
      </Heading>
      <p className="mt-4 text-slate-700">{body}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        {retry ? (
          <a href={`${pathname}${search}`} className="btn-primary">
            {t("errors.tryAgain")}
          </a>
        ) : null}
        <a href={back.to} className={retry ? "btn-secondary" : "btn-primary"}>
          {back.label}
        </a>
      </div>
    </section>
  );
}

/** For the public pages of one event: the way back is the event's page. */
export function EventErrorBoundary() {
  const { t } = useTranslation();
  const { slug } = useParams();
  return <ErrorPanel back={slug ? { to: `/acara/${slug}`, label: t("errors.backToEvent") } : { to: "/", label: t("errors.backHome") }} />;
}

/** For a team's pages: the way back is the dashboard, where the visitor's teams are listed. */
export function TeamErrorBoundary() {
  const { t } = useTranslation();
  return <ErrorPanel back={{ to: "/dasbor", label: t("errors.backToDashboard") }} />;
}
