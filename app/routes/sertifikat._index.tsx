import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatInZone, eventZone } from "~/domain/time";
import { listMyCertificates } from "~/models/certificate.server";
import { getLanguage } from "~/services/i18n.server";
import { requireUser } from "~/services/session.server";

export const meta: MetaFunction = () => [{ title: "Sertifikat saya — KIM Hackathon" }];

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
            <li key={c.code} className="card flex flex-wrap items-center gap-3">
              <div className="min-w-0 flex-1">
                <p className="font-bold">
                  {t(`certificate.kind.${c.kind}`)}
                  {c.awardName ? ` — ${c.awardName}` : ""}
                </p>
                <p className="text-sm text-slate-700">
                  {c.event} · {c.date}
                </p>
              </div>
              <a href={`/sertifikat/${c.code}.pdf`} className="btn-primary" download>
                {t("certificate.download")}
              </a>
              <Link to={`/verifikasi/${c.code}`} className="btn-link text-sm">
                {t("certificate.verifyLink")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
