import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/tools/calculator";

describe("calculator", () => {
  it("follows precedence and brackets", () => {
    expect(evaluate("2 + 3 × 4")).toEqual({ ok: true, value: 14 });
    expect(evaluate("(2 + 3) * 4")).toEqual({ ok: true, value: 20 });
    expect(evaluate("-3 + 10 ÷ 4")).toEqual({ ok: true, value: -0.5 });
    expect(evaluate("0.1 + 0.2")).toEqual({ ok: true, value: 0.3 });
  });

  it("explains what is wrong", () => {
    expect(evaluate("1 / 0")).toEqual({ ok: false, error: "Cannot divide by zero" });
    expect(evaluate("(1 + 2")).toEqual({ ok: false, error: "A bracket is not closed" });
    expect(evaluate("2 +")).toEqual({ ok: false, error: "The calculation is incomplete" });
    expect(evaluate("2 $ 3").ok).toBe(false);
    expect(evaluate("").ok).toBe(false);
  });
});
