import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listEventsForMember } from "~/models/event.server";
import { requireUser } from "~/services/session.server";

export const meta: MetaFunction = () => [{ title: "Dasbor — KIM Hackathon" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberships = await listEventsForMember(user.id);
  return { name: user.name, memberships };
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, memberships } = useLoaderData<typeof loader>();
  const organizing = memberships.filter((m) => m.role === "ORGANIZER");
  const judging = memberships.filter((m) => m.role === "JUDGE");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("dashboard.hello", { name })}</h1>
      <section className="card" aria-labelledby="tim-saya">
        <h2 id="tim-saya" className="text-lg font-bold">
          {t("dashboard.myTeams")}
        </h2>
        <p className="mt-2 text-slate-700">{t("dashboard.noTeams")}</p>
        <Link to="/" className="btn-secondary mt-4">
          {t("dashboard.findEvent")}
        </Link>
      </section>
      <p>
        <Link to="/sertifikat" className="btn-link">
          {t("certificate.mineTitle")}
        </Link>
      </p>
      {organizing.length ? (
        <section className="card" aria-labelledby="kelola">
          <h2 id="kelola" className="text-lg font-bold">
            {t("dashboard.organizing")}
          </h2>
          <ul className="mt-3 space-y-2">
            {organizing.map((m) => (
              <li key={m.event.id}>
                <Link to={`/kelola/${m.event.slug}`} className="btn-link">
                  {m.event.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {judging.length ? (
        <section className="card" aria-labelledby="nilai">
          <h2 id="nilai" className="text-lg font-bold">
            {t("dashboard.judging")}
          </h2>
          <ul className="mt-3 space-y-2">
            {judging.map((m) => (
              <li key={m.event.id}>
                <Link to={`/juri/${m.event.slug}`} className="btn-link">
                  {m.event.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
