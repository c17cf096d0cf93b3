// The berita acara as a PDF, with the SHA-256 printed and in the metadata.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatNumber } from "~/domain/number";
import { formatInZone, eventZone } from "~/domain/time";
import { publicationRecord } from "~/models/publication.server";
import { env } from "~/services/env.server";
import { notFound } from "~/services/guards.server";
import { getLanguage, getT } from "~/services/i18n.server";
import { publicationPdf } from "~/services/pdf.server";
import { fileResponse } from "~/services/storage.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const record = await publicationRecord(params.id ?? "");
  if (!record?.doc) throw notFound();
  const { pub, doc } = record;
  const [t, lang] = await Promise.all([getT(request), getLanguage(request)]);
  const tz = eventZone(pub.event.timezone);
  const base = env().APP_URL.replace(/\/$/, "");
  const entries = new Map(doc.entries.map((e) => [e.submissionId, e]));
  const criterionName = (code: string) => doc.criteria.find((c) => `criterion:${c.id}` === code)?.name ?? "?";
  const bytes = await publicationPdf(
    {
      eventName: pub.event.name,
      roundName: doc.round?.name ?? "-",
      method: t(`results.method.${doc.method}`),
      tieBreak: doc.tieBreak.map((k) => (k.startsWith("criterion:") ? t("results.tieKey.criterion", { name: criterionName(k) }) : t(`results.tieKey.${k}`))).join(" > "),
      publishedAt: formatInZone(pub.publishedAt, tz, lang),
      judges: doc.judges.map((j) => j.name ?? j.id),
      rows: doc.rows.map((r) => ({
        place: r.place === null ? "-" : `${r.place}${r.joint ? "=" : ""}`,
        team: entries.get(r.submissionId)?.teamName ?? r.submissionId,
        title: entries.get(r.submissionId)?.title ?? "",
        score: r.score === null ? "-" : formatNumber(r.score, lang),
      })),
      awards: doc.awards.map((a) => ({ name: a.name, recipients: a.recipients.map((id) => entries.get(id)?.teamName ?? id).join(", ") || "-" })),
      override: pub.overrideUnfinished ? `${t("publication.overrideLabel")}: ${pub.overrideReason ?? ""}` : null,
      notes: [
        ...(pub.supersedes ? [t("publication.pdf.correction", { hash: pub.supersedes.sha256, reason: pub.correctionReason ?? "" })] : []),
        ...(pub.correctedBy
          ? [
              t("publication.pdf.superseded", {
                date: formatInZone(pub.correctedBy.publishedAt, tz, lang),
                reason: pub.correctedBy.correctionReason ?? "",
                url: `${base}/berita-acara/${record.currentId ?? pub.correctedBy.id}`,
              }),
            ]
          : []),
      ],
      sha256: pub.sha256,
      verifyUrl: `${base}/berita-acara/${pub.id}`,
    },
    t,
  );
  return fileResponse(Buffer.from(bytes), { filename: `berita-acara-${pub.event.slug}.pdf`, mime: "application/pdf" });
}
