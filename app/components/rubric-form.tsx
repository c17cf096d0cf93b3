// The rubric of one assignment. Without JavaScript it is a plain form ("Simpan", "Finalisasi").
// With JavaScript the save queue (use-score-queue.ts) keeps every change on the device and sends it.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldErrors, FormAlert } from "./forms";
import { ScoreInput } from "./score-input";
import { type QueueStatus, type ScoreQueueInput, useScoreQueue } from "./use-score-queue";

export type { ActionReply, Snapshot, Values } from "./use-score-queue";

export function RubricForm(props: ScoreQueueInput) {
  const { criteria, editable } = props;
  const { t } = useTranslation();
  const { values, version, status, errors, conflict, change, takeServer, keepMine, flush } = useScoreQueue(props);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const intent = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    e.preventDefault();
    await flush(intent === "finalize" ? "finalize" : "save");
  }

  const allScored = criteria.every((c) => values.scores[c.id] != null);
  const statusText: Record<QueueStatus, string> = {
    idle: "",
    pending: t("scoring.state.pending"),
    saving: t("scoring.state.saving"),
    saved: t("scoring.state.saved"),
    offline: "",
    error: t("scoring.state.error"),
    conflict: "",
  };
  const nameOf = new Map(criteria.map((c) => [c.id, c.name]));

  return (
    <Form method="post" onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="version" value={version} />
      {status === "offline" ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900">
          {t("scoring.offline")}
        </div>
      ) : null}
      {conflict ? (
        <div role="alert" className="space-y-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          <p className="font-semibold">{t("scoring.conflictTitle", { version: conflict.version })}</p>
          <p>{t("scoring.conflictBody")}</p>
          <ul className="list-disc pl-5">
            {criteria.map((c) => (
              <li key={c.id}>
                {nameOf.get(c.id)}: <strong>{conflict.scores[c.id] ?? "—"}</strong>
                {values.scores[c.id] !== (conflict.scores[c.id] ?? null) ? ` (${t("scoring.yours", { value: values.scores[c.id] ?? "—" })})` : ""}
              </li>
            ))}
            {conflict.comment !== values.comment ? <li>{t("scoring.commentDiffers")}</li> : null}
          </ul>
          <p className="text-xs">{t("scoring.conflictNoJs")}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="btn-secondary" onClick={takeServer}>
              {t("scoring.useServer")}
            </button>
            {!conflict.finalized ? (
              <button type="button" className="btn-primary" onClick={keepMine}>
                {t("scoring.keepMine")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <FormAlert errors={status === "conflict" ? undefined : errors[""]} />
      <fieldset disabled={!editable} className="space-y-6">
        <legend className="sr-only">{t("scoring.rubric")}</legend>
        {criteria.map((c) => (
          <ScoreInput
            key={c.id}
            criterion={c}
            value={values.scores[c.id] ?? null}
            errors={errors[`score.${c.id}`]}
            disabled={!editable}
            onChange={(v) => change((current) => ({ ...current, scores: { ...current.scores, [c.id]: v } }))}
          />
        ))}
        <div>
          <label htmlFor="comment" className="field-label">
            {t("scoring.comment")}
          </label>
          <p id="comment-hint" className="field-hint !mt-0 mb-1">
            {t("scoring.commentHint")}
          </p>
          <textarea
            id="comment"
            name="comment"
            rows={4}
            className="field-input"
            aria-describedby="comment-hint comment-err"
            value={values.comment}
            onChange={(e) => {
              const comment = e.currentTarget.value;
              change((current) => ({ ...current, comment }));
            }}
          />
          <FieldErrors id="comment-err" errors={errors.comment} />
        </div>
        <div>
          <label htmlFor="privateNote" className="field-label">
            {t("scoring.privateNote")}
          </label>
          <p id="privateNote-hint" className="field-hint !mt-0 mb-1">
            {t("scoring.privateNoteHint")}
          </p>
          <textarea
            id="privateNote"
            name="privateNote"
            rows={3}
            className="field-input"
            aria-describedby="privateNote-hint privateNote-err"
            value={values.privateNote}
            onChange={(e) => {
              const privateNote = e.currentTarget.value;
              change((current) => ({ ...current, privateNote }));
            }}
          />
          <FieldErrors id="privateNote-err" errors={errors.privateNote} />
        </div>
      </fieldset>
      {editable ? (
        <div className="sticky bottom-0 -mx-4 space-y-3 border-t border-slate-200 bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.06)] sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0 sm:shadow-none">
          <p className="min-h-[1.25rem] text-sm font-medium text-slate-700" aria-live="polite" data-testid="save-status">
            {statusText[status]}
          </p>
          <div className="flex flex-wrap items-start gap-3">
            <button type="submit" name="intent" value="save" className="btn-secondary">
              {t("common.save")}
            </button>
            <details className="group">
              <summary className="btn-primary cursor-pointer list-none">{t("scoring.finalize")}</summary>
              <div className="mt-3 max-w-sm space-y-3 rounded-lg border border-slate-300 bg-white p-4 shadow">
                <p className="text-sm text-slate-800">{t("scoring.finalizeConfirm")}</p>
                {!allScored ? <p className="text-sm font-semibold text-red-700">{t("scoring.errors.incomplete")}</p> : null}
                <button type="submit" name="intent" value="finalize" className="btn-danger w-full">
                  {t("scoring.finalizeYes")}
                </button>
              </div>
            </details>
          </div>
        </div>
      ) : null}
    </Form>
  );
}
