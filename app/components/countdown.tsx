// Live countdown to the next deadline. The server renders the remaining time from its own clock;
// in the browser the ticking uses only the *difference* between the server's "now" and the
// device clock measured at load, so a phone set to the wrong time still counts correctly. When it
// reaches zero the page asks the server again for the phase: the client never decides what is open.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { countdownParts } from "~/domain/time";

export function Countdown({ targetMs, serverNowMs, label }: { targetMs: number; serverNowMs: number; label: string }) {
  const { t } = useTranslation();
  const [nowMs, setNowMs] = useState(serverNowMs);
  const revalidator = useRevalidator();
  const asked = useRef(false);

  useEffect(() => {
    asked.current = false;
    const offset = serverNowMs - Date.now();
    const tick = () => setNowMs(Date.now() + offset);
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [serverNowMs, targetMs]);

  const parts = countdownParts(new Date(nowMs), new Date(targetMs));
  useEffect(() => {
    if (parts.totalMs === 0 && !asked.current && revalidator.state === "idle") {
      asked.current = true;
      revalidator.revalidate();
    }
  }, [parts.totalMs, revalidator]);

  const units = [
    ["days", parts.days],
    ["hours", parts.hours],
    ["minutes", parts.minutes],
    ["seconds", parts.seconds],
  ] as const;
  return (
    <div className="rounded-xl bg-white/10 p-3">
      <p className="text-sm font-semibold text-brand-50">{label}</p>
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
