import { describe, expect, it } from "vitest";
import { defaultTimer, formatClock, formatElapsed, nextPhase, phaseSeconds, tick } from "@/lib/tools/clock";

describe("clock", () => {
  it("formats minutes, seconds and hours", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(25 * 60)).toBe("25:00");
    expect(formatClock(3725)).toBe("1:02:05");
    expect(formatClock(-5)).toBe("0:00");
    expect(formatElapsed(61_234)).toBe("1:01.23");
  });

  it("alternates focus and breaks, with a long break after each round", () => {
    expect(nextPhase("focus", 1, defaultTimer)).toBe("break");
    expect(nextPhase("break", 1, defaultTimer)).toBe("focus");
    expect(nextPhase("focus", 4, defaultTimer)).toBe("long break");
    expect(phaseSeconds("focus", defaultTimer)).toBe(1500);
    expect(phaseSeconds("long break", defaultTimer)).toBe(900);
  });

  it("ticks down and moves on when a phase runs out", () => {
    expect(tick({ phase: "focus", left: 10, done: 0 }, defaultTimer)).toEqual({ phase: "focus", left: 9, done: 0 });
    expect(tick({ phase: "focus", left: 1, done: 0 }, defaultTimer)).toEqual({ phase: "break", left: 300, done: 1 });
    expect(tick({ phase: "focus", left: 1, done: 3 }, defaultTimer)).toEqual({ phase: "long break", left: 900, done: 4 });
    expect(tick({ phase: "break", left: 1, done: 1 }, defaultTimer)).toEqual({ phase: "focus", left: 1500, done: 1 });
  });
});
