// Every certificate of the event as one ZIP, for organizers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { zipSync } from "fflate";
import { listEventCertificates, signatoryFor } from "~/models/certificate.server";
import { renderCertificate } from "~/models/certificate-pdf.server";
import { requireOrganizer } from "~/models/event-guards.server";
import { recordExport } from "~/models/personal-access.server";
import { getT } from "~/services/i18n.server";
import { fileResponse } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireOrganizer(request, params.slug);
  const [certs, signatory, t] = await Promise.all([listEventCertificates(event.id), signatoryFor(event.id), getT(request)]);
  const files: Record<string, Uint8Array> = {};
  for (const c of certs) {
    const base = `${c.name}-${c.kind.toLowerCase()}`.replace(/[^\p{L}\p{N}._-]+/gu, "-");
    let name = `${base}.pdf`;
    for (let i = 2; files[name]; i++) name = `${base}-${i}.pdf`;
    // Stored without compression: PDFs are already compressed.
    files[name] = await renderCertificate(c, signatory, t);
  }
  const zip = zipSync(files, { level: 0 });
  await recordExport(event.id, user.id, "certificates", "zip", certs.length);
  return fileResponse(Buffer.from(zip), { filename: `sertifikat-${event.slug}.zip`, mime: "application/zip" });
}
