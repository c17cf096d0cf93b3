// The full privacy notice, open to everyone (also to a signed-in user who has yet to agree).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrivacyFull, PrivacyVersion } from "~/components/privacy-notice";
import { env } from "~/services/env.server";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "privacy") }];

export async function loader(_: LoaderFunctionArgs) {
  return { operator: env().PRIVACY_OPERATOR, contact: env().PRIVACY_CONTACT ?? null };
}

export default function PrivacyNotice() {
  const { t } = useTranslation();
  const { operator, contact } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("privacy.title")}</h1>
      <PrivacyVersion />
      <PrivacyFull operator={operator} contact={contact} />
    </article>
  );
}
