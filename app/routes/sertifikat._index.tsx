import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInZone, eventZone } from "~/domain/time";
import { listMyCertificates } from "~/models/certificate.server";
import { getLanguage } from "~/services/i18n.server";
import { requireUser } from "~/services/session.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "certificates") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [certs, lang] = await Promise.all([listMyCertificates(user.id), getLanguage(request)]);
  return {
    certificates: certs.map((c) => ({
      code: c.code,
      kind: c.kind,
      awardName: c.awardName,
      event: c.event.name,
      date: formatInZone(c.issuedAt, eventZone(c.event.timezone), lang, "date"),
    })),
  };
}

export default function MyCertificates() {
  const { t } = useTranslation();
  const { certificates } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("certificate.mineTitle")}</h1>
      {certificates.length === 0 ? (
        <p className="card text-slate-700">{t("certificate.mineEmpty")}</p>
      ) : (
        <ul className="space-y-3">
          {certificates.map((c) => (
            <li key={c.code} className="card space-y-3 sm:flex sm:items-center sm:gap-4 sm:space-y-0">
              <div className="min-w-0 sm:flex-1">
                <h2 className="break-words font-bold">
                  {t(`certificate.kind.${c.kind}`)}
                  {c.awardName ? ` — ${c.awardName}` : ""}
                </h2>
                <p className="break-words text-sm text-slate-700">{c.event}</p>
                <p className="text-sm text-slate-700">{c.date}</p>
              </div>
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:shrink-0">
                <a href={`/sertifikat/${c.code}.pdf`} className="btn-primary" download>
                  {t("certificate.download")}
                </a>
                <Link to={`/verifikasi/${c.code}`} className="btn-link text-sm">
                  {t("certificate.verifyLink")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
