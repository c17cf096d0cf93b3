// Live countdown to a deadline. The server renders the remaining time from its own clock; in the
// browser the ticking uses only the *difference* between the server's "now" and the device clock
// measured at load, so a phone set to the wrong time still counts correctly. The server decides
// at the deadline regardless: the client never decides what is open.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { countdownParts } from "~/domain/time";

const HOUR = 60 * 60 * 1000;

/**
 * Two looks: `tiles` (the public event page: days/hours/minutes/seconds in boxes, and at zero the
 * page asks the server again for the phase) and `line` (a form's deadline: one line of text, red
 * with a warning in the last hour; the page is not reloaded under a typing team).
 */
export function Countdown({ targetMs, serverNowMs, label, look = "tiles" }: { targetMs: number; serverNowMs: number; label?: string; look?: "tiles" | "line" }) {
  const { t } = useTranslation();
  const [nowMs, setNowMs] = useState(serverNowMs);

  useEffect(() => {
    const offset = serverNowMs - Date.now();
    const tick = () => setNowMs(Date.now() + offset);
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [serverNowMs, targetMs]);

  const parts = countdownParts(new Date(nowMs), new Date(targetMs));

  if (look === "line") {
    const lastHour = parts.totalMs > 0 && parts.totalMs <= HOUR;
    const units = (["days", "hours", "minutes", "seconds"] as const).filter((u, i) => i >= 2 || parts.days > 0 || (u === "hours" && parts.hours > 0));
    return (
      <div>
        <p className={`text-lg font-bold tabular-nums ${lastHour ? "text-red-800" : "text-slate-900"}`}>
          {parts.totalMs === 0 ? t("countdown.ended") : units.map((u) => `${parts[u]} ${t(`countdown.${u}`)}`).join(" ")}
        </p>
        {lastHour ? (
          <p role="alert" className="mt-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm font-semibold text-red-800">
            {t("submission.form.lastHour")}
          </p>
        ) : null}
      </div>
    );
  }

  const units = [
    ["days", parts.days],
    ["hours", parts.hours],
    ["minutes", parts.minutes],
    ["seconds", parts.seconds],
  ] as const;
  return (
    <div className="rounded-xl bg-white/10 p-3">
      <AskAtZero reached={parts.totalMs === 0} target={targetMs} />
      {label ? <p className="text-sm font-semibold text-brand-50">{label}</p> : null}
      {/* Screen readers get the minute-level text; the ticking seconds would be noise. */}
      <p className="sr-only">{t("event.public.countdownSr", { days: parts.days, hours: parts.hours, minutes: parts.minutes })}</p>
      <ol className="mt-1 flex gap-2" aria-hidden="true" data-testid="countdown">
        {units.map(([unit, value]) => (
          <li key={unit} className="min-w-[3.75rem] rounded-lg bg-white px-2 py-1 text-center text-brand-900">
            <span className="block text-2xl font-extrabold tabular-nums">{String(value).padStart(2, "0")}</span>
            <span className="block text-xs font-semibold">{t(`countdown.${unit}`)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** At zero, asks the server again for the page (the phase has changed); once per deadline. */
function AskAtZero({ reached, target }: { reached: boolean; target: number }) {
  const revalidator = useRevalidator();
  const asked = useRef<number | null>(null);
  useEffect(() => {
    if (reached && asked.current !== target && revalidator.state === "idle") {
      asked.current = target;
      revalidator.revalidate();
    }
  }, [reached, target, revalidator]);
  return null;
}
