// A certificate PDF, for its owner or the event's organizers; 404 for anyone else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { getCertificateByCode, signatoryFor } from "~/models/certificate.server";
import { renderCertificate } from "~/models/certificate-pdf.server";
import { actorFor } from "~/models/event-guards.server";
import { notFound } from "~/services/guards.server";
import { getT } from "~/services/i18n.server";
import { requireUser } from "~/services/session.server";
import { fileResponse } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cert = await getCertificateByCode(params.code ?? "");
  if (!cert) throw notFound();
  if (cert.userId !== user.id && !can(await actorFor(user, cert.eventId), "manage:event")) throw notFound();
  const [signatory, t] = await Promise.all([signatoryFor(cert.eventId), getT(request)]);
  const bytes = await renderCertificate(cert, signatory, t);
  return fileResponse(Buffer.from(bytes), { filename: `sertifikat-${cert.name}-${cert.kind.toLowerCase()}.pdf`, mime: "application/pdf" });
}
