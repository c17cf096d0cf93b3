// The publication record (berita acara): what was published, by which method, and whether the
// stored document still matches its SHA-256. Anyone can also check a copy of the document. A
// record replaced by a correction still verifies and says so, with a link to the current one.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "~/components/forms";
import { PlaceCell, useFormatNumber, useTieKeyLabel } from "~/components/results";
import { formatInZone, eventZone } from "~/domain/time";
import { publicationRecord, verifyDocumentText } from "~/models/publication.server";
import { parseKnownFields, reply } from "~/services/forms.server";
import { notFound } from "~/services/guards.server";
import { getLanguage } from "~/services/i18n.server";
import { verifyDocumentSchema } from "~/validation/results";
import { pageTitle } from "~/components/page-title";
import { PageHeading } from "~/components/page-heading";
import { Card } from "~/components/card";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "resultsRecord") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [record, lang] = await Promise.all([publicationRecord(params.id ?? ""), getLanguage(request)]);
  if (!record) throw notFound();
  const { pub, doc, valid, currentId } = record;
  const tz = eventZone(pub.event.timezone);
  const entries = new Map((doc?.entries ?? []).map((e) => [e.submissionId, e]));
  const team = (id: string) => entries.get(id)?.teamName ?? id;
  return {
    id: pub.id,
    valid,
    sha256: pub.sha256,
    event: { name: pub.event.name, slug: pub.event.slug },
    publishedAt: formatInZone(pub.publishedAt, tz, lang),
    method: pub.method,
    override: pub.overrideUnfinished ? pub.overrideReason : null,
    superseded: pub.correctedBy ? { at: formatInZone(pub.correctedBy.publishedAt, tz, lang), reason: pub.correctedBy.correctionReason ?? "", currentId: currentId ?? pub.correctedBy.id } : null,
    correction: pub.supersedes ? { reason: pub.correctionReason ?? "", previousId: pub.supersedes.id, previousSha: pub.supersedes.sha256 } : null,
    round: doc?.round?.name ?? null,
    tieBreak: doc?.tieBreak ?? [],
    criteria: doc?.criteria ?? [],
    judges: (doc?.judges ?? []).map((j) => j.name ?? j.id),
    awards: (doc?.awards ?? []).map((a) => ({ name: a.name, recipients: a.recipients.map(team) })),
    rows: (doc?.rows ?? []).map((r) => ({ id: r.submissionId, place: r.place, joint: r.joint, score: r.score, team: team(r.submissionId), title: entries.get(r.submissionId)?.title ?? "" })),
    document: pub.document,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const record = await publicationRecord(params.id ?? "");
  if (!record) throw notFound();
  const form = await request.formData();
  const file = form.get("file");
  if (file && typeof file === "object" && "text" in file && file.size > 0) {
    if (file.size > 5_000_000) return data({ checked: null, error: ["validation.tooLong"] }, { status: 400 });
    form.set("document", await file.text());
  }
  const submission = parseKnownFields(form, verifyDocumentSchema);
  if (submission.status !== "success") return data({ checked: null, error: reply(submission).error?.document ?? ["publication.errors.pasteRequired"] }, { status: 400 });
  const check = verifyDocumentText(submission.value.document, record.pub.sha256);
  return { checked: check.valid, computed: check.computed, error: null };
}

export default function PublicationRecordPage() {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const keyLabel = useTieKeyLabel(d.criteria);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading trail={[{ to: `/acara/${d.event.slug}`, label: d.event.name }]} title={t("publication.recordTitle")} />
      <div role="status" className={`card ${d.valid ? "border-green-400 bg-green-50" : "border-red-400 bg-red-50"}`}>
        <p className={`text-xl font-bold ${d.valid ? "text-green-900" : "text-red-900"}`}>{d.valid ? t("publication.verified") : t("publication.tampered")}</p>
        <p className="mt-1 break-all font-mono text-xs text-slate-800">SHA-256 {d.sha256}</p>
        <a href={`/berita-acara/${d.id}/pdf`} className="btn-secondary mt-3">
          {t("publication.downloadPdf")}
        </a>
      </div>
      {d.superseded ? (
        <div role="note" className="card border-amber-400 bg-amber-50 text-amber-900">
          <p className="text-lg font-bold">{t("publication.superseded.title")}</p>
          <p className="mt-1">{t("publication.superseded.body", { date: d.superseded.at })}</p>
          <p className="mt-1 break-words text-sm">{t("leaderboard.correctionReason", { reason: d.superseded.reason })}</p>
          <Link to={`/berita-acara/${d.superseded.currentId}`} className="btn-primary mt-3">
            {t("publication.superseded.current")}
          </Link>
        </div>
      ) : null}
      {d.correction ? (
        <div role="note" className="card border-amber-300">
          <p className="font-bold">{t("publication.correction.recordTitle")}</p>
          <p className="mt-1 break-words text-sm">{t("leaderboard.correctionReason", { reason: d.correction.reason })}</p>
          <p className="mt-1 break-all font-mono text-xs text-slate-700">{t("publication.correction.replaces", { hash: d.correction.previousSha })}</p>
          <Link to={`/berita-acara/${d.correction.previousId}`} className="btn-link mt-1 inline-block text-sm">
            {t("leaderboard.previousRecord")}
          </Link>
        </div>
      ) : null}

      <Card id="rincian" title={t("publication.details")}>
        <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-[11rem_1fr]">
          <dt className="font-semibold text-slate-700">{t("publication.pdf.publishedAt")}</dt>
          <dd>{d.publishedAt}</dd>
          <dt className="font-semibold text-slate-700">{t("publication.pdf.round")}</dt>
          <dd>{d.round ?? "—"}</dd>
          <dt className="font-semibold text-slate-700">{t("publication.pdf.method")}</dt>
          <dd>{t(`results.method.${d.method}`)}</dd>
          <dt className="font-semibold text-slate-700">{t("publication.pdf.tieBreak")}</dt>
          <dd>{d.tieBreak.map(keyLabel).join(" → ")}</dd>
          <dt className="font-semibold text-slate-700">{t("publication.pdf.judges")}</dt>
          <dd>{d.judges.join(", ")}</dd>
          {d.override ? (
            <>
              <dt className="font-semibold text-amber-900">{t("publication.overrideLabel")}</dt>
              <dd className="text-amber-900">{d.override}</dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card id="penghargaan" title={t("publication.pdf.awards")}>
        <ul className="mt-2 space-y-1">
          {d.awards.map((a) => (
            <li key={a.name}>
              <span className="font-semibold">{a.name}:</span> {a.recipients.length ? a.recipients.join(", ") : "—"}
            </li>
          ))}
        </ul>
      </Card>

      <Card id="urutan" title={t("publication.pdf.ranking")}>
        <ol className="mt-2 divide-y divide-slate-200">
          {d.rows.map((r) => (
            <li key={r.id} className="flex gap-3 py-2 text-sm">
              <span className="w-12 shrink-0">
                <PlaceCell place={r.place} joint={r.joint} />
              </span>
              <span className="min-w-0 flex-1">
                <span className="font-semibold">{r.team}</span> — {r.title}
              </span>
              <span className="tabular-nums">{fmt(r.score)}</span>
            </li>
          ))}
        </ol>
      </Card>

      <Card id="cek" title={t("publication.checkTitle")} className="space-y-3">
        <p className="text-sm text-slate-700">{t("publication.checkIntro")}</p>
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">{t("publication.showDocument")}</summary>
          <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs">{d.document}</pre>
        </details>
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <div>
            <label htmlFor="document" className="field-label">
              {t("publication.pasteLabel")}
            </label>
            <textarea id="document" name="document" rows={4} className="field-input font-mono text-xs" aria-describedby="document-error" />
            <FieldErrors id="document-error" errors={result?.error ?? undefined} />
          </div>
          <div>
            <label htmlFor="file" className="field-label">
              {t("publication.uploadLabel")}
            </label>
            <input id="file" name="file" type="file" accept="application/json,.json,.txt" className="block text-sm" />
          </div>
          <button type="submit" className="btn-primary">
            {t("publication.checkSubmit")}
          </button>
        </Form>
        {result && result.checked !== null ? (
          <p role="status" className={`rounded-lg border px-3 py-2 font-semibold ${result.checked ? "border-green-400 bg-green-50 text-green-900" : "border-red-400 bg-red-50 text-red-900"}`}>
            {result.checked ? t("publication.verified") : t("publication.tampered")}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
