"use client";

import { useEffect, useRef, useState } from "react";
import { formatElapsed } from "@/lib/tools/clock";

/** A stopwatch with laps. */
export function Stopwatch() {
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(false);
  const [laps, setLaps] = useState<number[]>([]);
  const started = useRef(0);
  const before = useRef(0);

  useEffect(() => {
    if (!running) return;
    started.current = performance.now();
    const id = window.setInterval(() => setElapsed(before.current + performance.now() - started.current), 31);
    return () => window.clearInterval(id);
  }, [running]);

  const toggle = () => {
    if (running) before.current = elapsed;
    setRunning(!running);
  };
  const reset = () => {
    setRunning(false);
    before.current = 0;
    setElapsed(0);
    setLaps([]);
  };

  return (
    <section className="card mx-auto max-w-xl p-6 sm:p-8" aria-label="Stopwatch">
      <p className="text-center font-mono text-6xl font-bold tabular-nums sm:text-7xl" aria-live="off">
        {formatElapsed(elapsed)}
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <button type="button" className="btn-primary min-w-28" onClick={toggle}>
          {running ? "Stop" : "Start"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setLaps((l) => [elapsed, ...l])} disabled={!running}>
          Lap
        </button>
        <button type="button" className="btn-secondary" onClick={reset}>
          Reset
        </button>
      </div>
      {laps.length > 0 ? (
        <ol className="mt-8 divide-y divide-border border-t border-border" aria-label="Laps">
          {laps.map((lap, i) => (
            <li key={laps.length - i} className="flex justify-between py-2 font-mono tabular-nums">
              <span className="text-muted">Lap {laps.length - i}</span>
              <span>{formatElapsed(lap)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
