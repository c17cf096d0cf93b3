// The rubric of one assignment. Without JavaScript it is a plain form ("Simpan", "Finalisasi").
// With JavaScript every change is kept on the device first (localStorage, keyed by assignment and
// the version it was based on) and sent after a short pause; offline, drafts wait for the
// `online` event. Saves are sequential and always name their base version, so a save from another
// device surfaces as a conflict (409) for the judge to resolve, never as a silent overwrite.
import { Form, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { draftKey, parseDraftKey, reconcileDraft, type Draft } from "~/domain/judgment";
import { FieldErrors, FormAlert } from "./forms";
import { ScoreInput, type RubricCriterion } from "./score-input";

export type Values = { scores: Record<string, number | null>; comment: string; privateNote: string };
export type Snapshot = { version: number; scores: Record<string, number>; comment: string; privateNote: string; finalized: boolean };
export type ActionReply = { ok: true; version: number; finalized: boolean; savedAt: string } | { ok: false; code: string; error: Record<string, string[]>; current?: Snapshot; submitted?: Values };

type Status = "idle" | "pending" | "saving" | "saved" | "offline" | "error" | "conflict";

function bodyOf(values: Values, version: number, intent: "save" | "finalize", criteria: readonly RubricCriterion[]): FormData {
  const fd = new FormData();
  fd.set("intent", intent);
  fd.set("version", String(version));
  fd.set("comment", values.comment);
  fd.set("privateNote", values.privateNote);
  for (const c of criteria) fd.set(`score.${c.id}`, values.scores[c.id] == null ? "" : String(values.scores[c.id]));
  return fd;
}

function removeDrafts(assignmentId: string) {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key && parseDraftKey(key)?.assignmentId === assignmentId) localStorage.removeItem(key);
  }
}

function storeDraft(assignmentId: string, values: Values, version: number) {
  try {
    removeDrafts(assignmentId);
    const draft: Draft = { version, ...values };
    localStorage.setItem(draftKey(assignmentId, version), JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the save itself still goes out.
  }
}

function readDraft(assignmentId: string): Draft | null {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && parseDraftKey(key)?.assignmentId === assignmentId) return JSON.parse(localStorage.getItem(key) ?? "null") as Draft | null;
    }
  } catch {
    return null;
  }
  return null;
}

export function RubricForm({
  assignmentId,
  saveUrl,
  criteria,
  initial,
  editable,
  actionData,
}: {
  assignmentId: string;
  saveUrl: string;
  criteria: RubricCriterion[];
  initial: Snapshot;
  editable: boolean;
  actionData: ActionReply | undefined;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const failed = actionData && !actionData.ok ? actionData : null;
  const [values, setValues] = useState<Values>(() => failed?.submitted ?? { scores: { ...initial.scores }, comment: initial.comment, privateNote: initial.privateNote });
  // After a stale no-JS save the form is re-based on the newer version, so "Simpan" overwrites knowingly.
  const [version, setVersion] = useState(() => (failed?.current && failed.code === "stale" ? failed.current.version : initial.version));
  const [status, setStatus] = useState<Status>(() => (actionData?.ok ? "saved" : failed?.code === "stale" ? "conflict" : failed ? "error" : "idle"));
  const [errors, setErrors] = useState<Record<string, string[]>>(() => failed?.error ?? {});
  const [conflict, setConflict] = useState<Snapshot | null>(() => (failed?.code === "stale" ? (failed.current ?? null) : null));
  const valuesRef = useRef(values);
  // The values the server last acknowledged: a save is only sent when something differs.
  const savedRef = useRef<Values | null>(failed ? null : values);
  const versionRef = useRef(version);
  const pending = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const conflictRef = useRef(conflict !== null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (!actionData || actionData.ok) return;
    setErrors(actionData.error);
    if (actionData.code === "stale" && actionData.current) {
      conflictRef.current = true;
      setConflict(actionData.current);
      setStatus("conflict");
    }
  }, [actionData]);

  const sendNow = useCallback(async (): Promise<boolean> => {
    if (conflictRef.current) return false;
    if (valuesRef.current === savedRef.current) {
      setStatus((s) => (s === "offline" || s === "pending" ? "saved" : s));
      return true;
    }
    if (!navigator.onLine) {
      setStatus("offline");
      return false;
    }
    setStatus("saving");
    const sent = valuesRef.current;
    let ok = false;
    try {
      const res = await fetch(saveUrl, { method: "POST", body: bodyOf(sent, versionRef.current, "save", criteria), headers: { Accept: "application/json" } });
      const reply = (await res.json()) as ActionReply;
      if (reply.ok) {
        ok = true;
        savedRef.current = sent;
        versionRef.current = reply.version;
        setVersion(reply.version);
        setErrors({});
        if (valuesRef.current === sent) {
          removeDrafts(assignmentId);
          setStatus("saved");
        } else {
          storeDraft(assignmentId, valuesRef.current, reply.version);
          again.current = true;
        }
      } else if (res.status === 409 && reply.current) {
        conflictRef.current = true;
        setConflict(reply.current);
        setStatus("conflict");
      } else {
        // A refusal made before the save ran (a busy database, a body the server would not read)
        // carries one message key instead of field errors; the draft stays on the device.
        const refused = reply as { error?: Record<string, string[]>; key?: string };
        setErrors(refused.error ?? { "": [refused.key ?? "errors.genericBody"] });
        setStatus("error");
      }
    } catch {
      // Network failure: the draft stays on the device until the connection returns.
      setStatus("offline");
    }
    return ok;
  }, [assignmentId, criteria, saveUrl]);

  /** Saves are strictly sequential: each names the version the previous one produced. */
  const send = useCallback((): Promise<boolean> => {
    if (pending.current) {
      again.current = true;
      return pending.current;
    }
    const run = async () => {
      let ok = await sendNow();
      // Edits made while a save was in flight go out in one more save.
      while (again.current && !conflictRef.current) {
        again.current = false;
        ok = await sendNow();
      }
      return ok;
    };
    const p = run().finally(() => {
      pending.current = null;
    });
    pending.current = p;
    return p;
  }, [sendNow]);

  // A draft left from an earlier visit (offline, tab closed) is sent or shown as a conflict.
  useEffect(() => {
    if (!editable) {
      removeDrafts(assignmentId);
      return;
    }
    const draft = readDraft(assignmentId);
    if (!draft) return;
    const decision = reconcileDraft(draft, { ...initial, finalized: initial.finalized });
    if (decision === "discard") {
      removeDrafts(assignmentId);
      return;
    }
    const restored = { scores: draft.scores as Record<string, number | null>, comment: draft.comment, privateNote: draft.privateNote };
    valuesRef.current = restored;
    setValues(restored);
    if (decision === "conflict") {
      conflictRef.current = true;
      setConflict(initial);
      setStatus("conflict");
    } else {
      setStatus("pending");
      void send();
    }
    // Only on first load of this assignment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assignmentId]);

  useEffect(() => {
    const online = () => {
      if (readDraft(assignmentId)) void send();
      else setStatus((s) => (s === "offline" ? "idle" : s));
    };
    const offline = () => setStatus((s) => (s === "conflict" ? s : "offline"));
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      clearTimeout(timer.current);
    };
  }, [assignmentId, send]);

  function change(next: Values) {
    valuesRef.current = next;
    setValues(next);
    storeDraft(assignmentId, next, versionRef.current);
    if (conflictRef.current) return;
    setStatus(navigator.onLine ? "pending" : "offline");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void send(), 600);
  }

  function takeServer() {
    if (!conflict) return;
    const next = { scores: { ...conflict.scores }, comment: conflict.comment, privateNote: conflict.privateNote };
    removeDrafts(assignmentId);
    conflictRef.current = false;
    valuesRef.current = next;
    savedRef.current = next;
    versionRef.current = conflict.version;
    setValues(next);
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
    setStatus(conflict.finalized ? "idle" : "saved");
    if (conflict.finalized) window.location.reload();
  }

  function keepMine() {
    if (!conflict) return;
    conflictRef.current = false;
    versionRef.current = conflict.version;
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
    storeDraft(assignmentId, valuesRef.current, conflict.version);
    void send();
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const intent = ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    e.preventDefault();
    clearTimeout(timer.current);
    await send();
    while (pending.current) await pending.current;
    if (intent !== "finalize") return;
    // Finalize only what the server already holds, on the version it holds.
    if (conflictRef.current || valuesRef.current !== savedRef.current) return;
    submit(bodyOf(valuesRef.current, versionRef.current, "finalize", criteria), { method: "post" });
  }

  const allScored = criteria.every((c) => values.scores[c.id] != null);
  const statusText: Record<Status, string> = {
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
            onChange={(v) => change({ ...valuesRef.current, scores: { ...valuesRef.current.scores, [c.id]: v } })}
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
            onChange={(e) => change({ ...valuesRef.current, comment: e.currentTarget.value })}
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
            onChange={(e) => change({ ...valuesRef.current, privateNote: e.currentTarget.value })}
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
