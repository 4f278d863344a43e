/** Whole seconds as m:ss, or h:mm:ss from an hour. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`;
  return `${minutes}:${seconds}`;
}

/** Milliseconds as m:ss.cc for a stopwatch. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 10));
  const centis = String(total % 100).padStart(2, "0");
  return `${formatClock(Math.floor(total / 100))}.${centis}`;
}

export type Phase = "focus" | "break" | "long break";

export interface TimerSettings {
  focus: number; // minutes
  shortBreak: number;
  longBreak: number;
  rounds: number; // focus sessions before a long break
}

export const defaultTimer: TimerSettings = { focus: 25, shortBreak: 5, longBreak: 15, rounds: 4 };

/** The phase after one ends; `done` counts focus sessions finished so far, this one included. */
export function nextPhase(phase: Phase, done: number, settings: TimerSettings): Phase {
  if (phase !== "focus") return "focus";
  return done > 0 && done % settings.rounds === 0 ? "long break" : "break";
}

/** Seconds a phase lasts. */
export function phaseSeconds(phase: Phase, settings: TimerSettings): number {
  const minutes = phase === "focus" ? settings.focus : phase === "break" ? settings.shortBreak : settings.longBreak;
  return Math.round(minutes * 60);
}

/** Where a focus timer stands. */
export interface TimerState {
  phase: Phase;
  left: number; // seconds
  done: number; // focus sessions finished
}

/** The timer one second later: the next phase starts when one runs out. */
export function tick(s: TimerState, settings: TimerSettings): TimerState {
  if (s.left > 1) return { ...s, left: s.left - 1 };
  const done = s.phase === "focus" ? s.done + 1 : s.done;
  const phase = nextPhase(s.phase, done, settings);
  return { phase, left: phaseSeconds(phase, settings), done };
}
