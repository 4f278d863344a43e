"use client";

import { useEffect, useState } from "react";
import { defaultTimer, formatClock, phaseSeconds, tick, type Phase, type TimerSettings, type TimerState } from "@/lib/tools/clock";

const labels: Record<Phase, string> = { focus: "Focus", break: "Short break", "long break": "Long break" };

/** A focus timer: work sessions and breaks of adjustable length, counted as they finish. */
export function Timer() {
  const [settings, setSettings] = useState<TimerSettings>(defaultTimer);
  const [state, setState] = useState<TimerState>({ phase: "focus", left: phaseSeconds("focus", defaultTimer), done: 0 });
  const [running, setRunning] = useState(false);
  const { phase, left, done } = state;

  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setState((s) => tick(s, settings)), 1000);
    return () => window.clearInterval(id);
  }, [running, settings]);

  useEffect(() => {
    if (running) document.title = `${formatClock(left)} · ${labels[phase]}`;
  }, [left, running, phase]);

  const switchTo = (p: Phase) => {
    setRunning(false);
    setState((s) => ({ ...s, phase: p, left: phaseSeconds(p, settings) }));
  };

  const setMinutes = (key: keyof TimerSettings, value: string) => {
    const n = Math.min(180, Math.max(1, Math.round(Number(value) || 1)));
    const next = { ...settings, [key]: n };
    setSettings(next);
    if (!running) setState((s) => ({ ...s, left: phaseSeconds(s.phase, next) }));
  };

  const total = phaseSeconds(phase, settings);
  const progress = total > 0 ? 1 - left / total : 0;

  return (
    <section className="card mx-auto max-w-xl p-6 sm:p-8" aria-labelledby="timer-heading">
      <h2 id="timer-heading" className="sr-only">
        Timer
      </h2>
      <div role="tablist" aria-label="Phase" className="flex flex-wrap justify-center gap-2">
        {(Object.keys(labels) as Phase[]).map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            aria-selected={phase === p}
            className={phase === p ? "btn-primary" : "btn-secondary"}
            onClick={() => switchTo(p)}
          >
            {labels[p]}
          </button>
        ))}
      </div>
      <p className="mt-8 text-center font-mono text-7xl font-bold tabular-nums tracking-tight sm:text-8xl" aria-live="polite" aria-atomic="true">
        <span className="sr-only">{labels[phase]}: </span>
        {formatClock(left)}
      </p>
      <div className="mt-6 h-2 overflow-hidden rounded-full bg-border" aria-hidden="true">
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${Math.round(progress * 100)}%` }} />
      </div>
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" className="btn-primary min-w-28" onClick={() => setRunning((r) => !r)}>
          {running ? "Pause" : left < total ? "Resume" : "Start"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => switchTo(phase)}>
          Reset
        </button>
      </div>
      <p className="mt-6 text-center text-sm text-muted">
        Focus sessions completed: <strong className="text-foreground">{done}</strong>
      </p>
      <fieldset className="mt-8 grid grid-cols-3 items-end gap-3 border-t border-border pt-6">
        <legend className="sr-only">Lengths in minutes</legend>
        {(
          [
            ["focus", "Focus"],
            ["shortBreak", "Short break"],
            ["longBreak", "Long break"],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="text-sm font-medium text-foreground">
            {label} (min)
            <input
              type="number"
              min={1}
              max={180}
              value={settings[key]}
              onChange={(event) => setMinutes(key, event.target.value)}
              className="mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2 text-base text-foreground focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/30"
            />
          </label>
        ))}
      </fieldset>
    </section>
  );
}
