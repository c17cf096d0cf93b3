import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countSessions, getProfile } from "~/models/user.server";
import { endAllSessions, requireUser } from "~/services/session.server";
import { VerifyEmailNotice } from "~/components/verify-notice";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "account") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [profile, sessions] = await Promise.all([getProfile(user.id), countSessions(user.id, new Date())]);
  return { profile, sessions, verified: user.emailVerified };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "logout-all") return new Response("Bad request", { status: 400 });
  const cookie = await endAllSessions(user.id);
  return redirect("/masuk", { headers: { "Set-Cookie": cookie } });
}

export default function Account() {
  const { t } = useTranslation();
  const { profile, sessions, verified } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("auth.accountTitle")}</h1>
      <VerifyEmailNotice verified={verified} />
      <section className="card" aria-labelledby="profil">
        <h2 id="profil" className="text-lg font-bold">
          {t("auth.profile")}
        </h2>
        <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="font-semibold text-slate-700">{t("auth.name")}</dt>
          <dd>{profile.name}</dd>
          <dt className="font-semibold text-slate-700">{t("auth.email")}</dt>
          <dd>{profile.email}</dd>
          <dt className="font-semibold text-slate-700">{t("auth.whatsapp")}</dt>
          <dd>{profile.whatsapp ?? "—"}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="sesi">
        <h2 id="sesi" className="text-lg font-bold">
          {t("auth.sessionsTitle")}
        </h2>
        <p className="mt-2 text-slate-700">{t("auth.sessionsCount", { count: sessions })}</p>
        <p className="mt-1 text-sm text-slate-600">{t("auth.logoutAllHint")}</p>
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value="logout-all" className="btn-danger">
            {t("auth.logoutAll")}
          </button>
        </Form>
      </section>
    </div>
  );
}
