// A certificate's public verification page, reached from the QR or by typing its code. A code
// that matches nothing gets the reason and the form to try again; a certificate replaced by a
// correction of the results says so and leads to the current record.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertificateCodeForm } from "~/components/certificate-code-form";
import { formatInZone, eventZone } from "~/domain/time";
import { verifyCertificate } from "~/models/certificate.server";
import { getLanguage } from "~/services/i18n.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "verifyCertificate") }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const typed = params.code ?? "";
  const [found, lang] = await Promise.all([verifyCertificate(typed), getLanguage(request)]);
  if (!found) return data({ valid: false as const, typed: typed.slice(0, 100) }, { status: 404 });
  const { certificate: cert, superseded } = found;
  const tz = eventZone(cert.event.timezone);
  return {
    valid: true as const,
    name: cert.name,
    kind: cert.kind,
    awardName: cert.awardName,
    event: { name: cert.event.name, slug: cert.event.slug },
    date: formatInZone(cert.issuedAt, tz, lang, "date"),
    code: cert.code,
    publicationId: found.publicationId,
    superseded: superseded && {
      at: formatInZone(superseded.at, tz, lang),
      reason: superseded.reason,
      currentPublicationId: superseded.currentPublicationId,
      replacementCode: superseded.replacementCode,
    },
  };
}

export default function VerifyCertificate() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  if (!d.valid) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <div className="card border-red-300 bg-red-50" role="alert">
          <h1 className="text-2xl font-bold text-red-900">{t("certificate.invalidTitle")}</h1>
          <p className="mt-2 text-red-900">{t("certificate.invalidBody")}</p>
          {d.typed ? <p className="mt-2 break-all font-mono text-sm text-red-900">{d.typed}</p> : null}
        </div>
        <div className="card">
          <h2 className="mb-2 text-lg font-bold">{t("certificate.lookup.again")}</h2>
          <CertificateCodeForm defaultValue={d.typed} />
        </div>
      </div>
    );
  }
  const superseded = d.superseded;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      {superseded ? (
        <div className="card border-amber-400 bg-amber-50 text-amber-900" role="status">
          <p className="badge bg-amber-200 text-amber-950">{t("certificate.superseded.badge")}</p>
          <h1 className="mt-2 text-2xl font-bold">{t("certificate.superseded.title")}</h1>
          <p className="mt-2">{t("certificate.superseded.body", { date: superseded.at })}</p>
          <p className="mt-1 break-words text-sm">{t("leaderboard.correctionReason", { reason: superseded.reason })}</p>
          <p className="mt-2 text-sm">{superseded.replacementCode ? t("certificate.superseded.replaced") : t("certificate.superseded.notReplaced")}</p>
          <div className="mt-3 flex flex-wrap gap-2">
            {superseded.replacementCode ? (
              <Link to={`/verifikasi/${superseded.replacementCode}`} className="btn-primary">
                {t("certificate.superseded.replacement")}
              </Link>
            ) : null}
            <Link to={`/berita-acara/${superseded.currentPublicationId}`} className="btn-secondary">
              {t("certificate.superseded.currentResult")}
            </Link>
          </div>
        </div>
      ) : null}
      <div className={`card ${superseded ? "border-slate-300" : "border-green-300"}`}>
        {superseded ? (
          <h2 className="text-lg font-bold">{t("certificate.superseded.detailsTitle")}</h2>
        ) : (
          <>
            <p className="badge bg-green-100 text-green-900">{t("certificate.validBadge")}</p>
            <h1 className="mt-2 text-2xl font-bold">{t("certificate.validTitle")}</h1>
          </>
        )}
        <dl className="mt-4 grid grid-cols-1 gap-2 sm:grid-cols-[9rem_1fr]">
          <dt className="font-semibold text-slate-700">{t("certificate.field.name")}</dt>
          <dd className="text-lg font-bold">{d.name}</dd>
          <dt className="font-semibold text-slate-700">{t("certificate.field.event")}</dt>
          <dd>
            <Link to={`/acara/${d.event.slug}`} className="btn-link">
              {d.event.name}
            </Link>
          </dd>
          <dt className="font-semibold text-slate-700">{t("certificate.field.role")}</dt>
          <dd>{t(`certificate.kind.${d.kind}`)}</dd>
          {d.awardName ? (
            <>
              <dt className="font-semibold text-slate-700">{t("certificate.field.award")}</dt>
              <dd>{d.awardName}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-slate-700">{t("certificate.field.date")}</dt>
          <dd>{d.date}</dd>
          <dt className="font-semibold text-slate-700">{t("certificate.field.code")}</dt>
          <dd className="break-all font-mono text-sm">{d.code}</dd>
          <dt className="font-semibold text-slate-700">{t("certificate.field.record")}</dt>
          <dd>
            <Link to={`/berita-acara/${d.publicationId}`} className="btn-link">
              {t("publication.viewRecord")}
            </Link>
          </dd>
        </dl>
      </div>
    </div>
  );
}
