import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInZone, eventZone } from "~/domain/time";
import { getCertificateByCode } from "~/models/certificate.server";
import { getLanguage } from "~/services/i18n.server";

export const meta: MetaFunction = () => [{ title: "Verifikasi sertifikat — KIM Hackathon" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [cert, lang] = await Promise.all([getCertificateByCode(params.code ?? ""), getLanguage(request)]);
  if (!cert) return data({ valid: false as const }, { status: 404 });
  const tz = eventZone(cert.event.timezone);
  return {
    valid: true as const,
    name: cert.name,
    kind: cert.kind,
    awardName: cert.awardName,
    event: { name: cert.event.name, slug: cert.event.slug },
    date: formatInZone(cert.issuedAt, tz, lang, "date"),
    code: cert.code,
  };
}

export default function VerifyCertificate() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  if (!d.valid) {
    return (
      <div className="mx-auto max-w-xl">
        <div className="card border-red-300 bg-red-50" role="alert">
          <h1 className="text-2xl font-bold text-red-900">{t("certificate.invalidTitle")}</h1>
          <p className="mt-2 text-red-900">{t("certificate.invalidBody")}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl">
      <div className="card border-green-300">
        <p className="badge bg-green-100 text-green-900">{t("certificate.validBadge")}</p>
        <h1 className="mt-2 text-2xl font-bold">{t("certificate.validTitle")}</h1>
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
        </dl>
      </div>
    </div>
  );
}
