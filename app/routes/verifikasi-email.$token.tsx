import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { verifyEmailToken } from "~/models/email-verification.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "verifyEmail") }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await verifyEmailToken(params.token ?? "", new Date());
  return data({ state: result.ok ? "ok" : result.code }, { status: result.ok ? 200 : 400 });
}

export default function VerifyEmailToken() {
  const { t } = useTranslation();
  const { state } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("vote.verifyTitle")}</h1>
      <p className={`card ${state === "ok" ? "border-green-300" : "border-red-300"}`} role="status">
        {t(`vote.verifyResult.${state}`)}
      </p>
      <Link to="/dasbor" className="btn-secondary">
        {t("nav.dashboard")}
      </Link>
    </div>
  );
}
