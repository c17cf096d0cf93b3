// Verifying a certificate by typing its code (the QR on the certificate leads straight to
// /verifikasi/<code>). The code is read forgivingly and the page of the code it stands for opens.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CertificateCodeForm } from "~/components/certificate-code-form";
import { normalizeCertificateCode } from "~/domain/certificate-code";
import { certificateLookupSchema } from "~/validation/results";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "verifyCertificate") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (!url.searchParams.has("kode")) return { code: "", errors: null };
  const parsed = certificateLookupSchema.safeParse({ kode: url.searchParams.get("kode") });
  if (!parsed.success) {
    return data({ code: (url.searchParams.get("kode") ?? "").slice(0, 100), errors: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  }
  const typed = parsed.data.kode;
  // An older certificate's code is case-sensitive and goes through as typed (spaces aside).
  const code = normalizeCertificateCode(typed) ?? typed.replace(/\s+/g, "");
  return redirect(`/verifikasi/${encodeURIComponent(code)}`);
}

export default function VerifyByCode() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("certificate.lookup.title")}</h1>
      <p className="text-slate-700">{t("certificate.lookup.intro")}</p>
      <div className="card">
        <CertificateCodeForm defaultValue={d.code} errors={d.errors ?? undefined} />
      </div>
    </div>
  );
}
