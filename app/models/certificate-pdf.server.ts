// Renders a stored certificate row as a PDF with the verification QR.
import { formatInZone, eventZone } from "~/domain/time";
import { env } from "~/services/env.server";
import { certificatePdf } from "~/services/pdf.server";
import type { CertificateRecord } from "./certificate.server";

type T = (key: string, params?: Record<string, unknown>) => string;

export function verifyUrl(code: string): string {
  return `${lookupUrl()}/${code}`;
}

/** The page where anyone can type a certificate's code. */
export function lookupUrl(): string {
  return `${env().APP_URL.replace(/\/$/, "")}/verifikasi`;
}

export function renderCertificate(c: CertificateRecord, signatory: { name: string; title: string }, t: T): Promise<Uint8Array> {
  const tz = eventZone(c.event.timezone);
  return certificatePdf(
    {
      code: c.code,
      name: c.name,
      role: t(`certificate.kind.${c.kind}`),
      awardName: c.awardName,
      eventName: c.event.name,
      date: formatInZone(c.issuedAt, tz, "id", "date"),
      signatory,
      verifyUrl: verifyUrl(c.code),
      lookupUrl: lookupUrl(),
    },
    t,
  );
}
