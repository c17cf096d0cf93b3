// The scoring form's save queue. Every change is kept on the device first (localStorage, keyed by
// assignment and the version it was based on) and sent after a short pause; offline, drafts wait
// for the `online` event. Saves are sequential and always name their base version, so a save from
// another device surfaces as a conflict (409) for the judge to resolve, never as a silent overwrite.
import { useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { draftKey, parseDraftKey, reconcileDraft, type Draft } from "~/domain/judgment";
import type { RubricCriterion } from "./score-input";

export type Values = { scores: Record<string, number | null>; comment: string; privateNote: string };
export type Snapshot = { version: number; scores: Record<string, number>; comment: string; privateNote: string; finalized: boolean };
export type ActionReply = { ok: true; version: number; finalized: boolean; savedAt: string } | { ok: false; code: string; error: Record<string, string[]>; current?: Snapshot; submitted?: Values };
export type QueueStatus = "idle" | "pending" | "saving" | "saved" | "offline" | "error" | "conflict";

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

/** What the queue works on: one assignment, where to save it, its rubric, what the server holds, and the no-JS reply if any. */
export type ScoreQueueInput = {
  assignmentId: string;
  saveUrl: string;
  criteria: readonly RubricCriterion[];
  initial: Snapshot;
  editable: boolean;
  actionData: ActionReply | undefined;
};

export function useScoreQueue({ assignmentId, saveUrl, criteria, initial, editable, actionData }: ScoreQueueInput) {
  const submit = useSubmit();
  const failed = actionData && !actionData.ok ? actionData : null;
  const [values, setValues] = useState<Values>(() => failed?.submitted ?? { scores: { ...initial.scores }, comment: initial.comment, privateNote: initial.privateNote });
  // After a stale no-JS save the form is re-based on the newer version, so "Simpan" overwrites knowingly.
  const [version, setVersion] = useState(() => (failed?.current && failed.code === "stale" ? failed.current.version : initial.version));
  const [status, setStatus] = useState<QueueStatus>(() => (actionData?.ok ? "saved" : failed?.code === "stale" ? "conflict" : failed ? "error" : "idle"));
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

  /** An edit, applied to the latest values (not a render's possibly older copy). */
  function change(update: (current: Values) => Values) {
    const next = update(valuesRef.current);
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

  /** "Simpan" or "Finalisasi": everything still queued goes out first; finalizing then names the version the server holds. */
  async function flush(intent: "save" | "finalize") {
    clearTimeout(timer.current);
    await send();
    while (pending.current) await pending.current;
    if (intent !== "finalize") return;
    // Finalize only what the server already holds, on the version it holds.
    if (conflictRef.current || valuesRef.current !== savedRef.current) return;
    submit(bodyOf(valuesRef.current, versionRef.current, "finalize", criteria), { method: "post" });
  }

  return { values, version, status, errors, conflict, change, takeServer, keepMine, flush };
}
