import { describe, expect, it } from "vitest";
import { aggregate, currentStreak, groupBy, percent, thisWeek, weekOf } from "@/lib/stats";
import { daysBetween, formatMoney, spanDays } from "@/lib/format";
import { email, numberIn, required, splitList, url } from "@/lib/validate";

describe("stats", () => {
  it("aggregates", () => {
    expect(aggregate([1, 2, null, 3.5], "sum")).toBe(6.5);
    expect(aggregate([2, 4], "avg")).toBe(3);
    expect(aggregate([], "avg")).toBeNull();
    expect(aggregate([null, null], "count")).toBe(2);
    expect(aggregate([5, 1, 9], "max")).toBe(9);
  });

  it("groups and orders by total", () => {
    const items = [
      { c: "food", v: 10 },
      { c: "rent", v: 500 },
      { c: "food", v: 5.5 },
    ];
    expect(groupBy(items, (i) => i.c, (i) => i.v, "sum")).toEqual([
      { label: "rent", value: 500 },
      { label: "food", value: 15.5 },
    ]);
  });

  it("finds the Monday of a week", () => {
    expect(weekOf("2026-03-14")).toBe("2026-03-09");
    expect(weekOf("2026-03-09")).toBe("2026-03-09");
    expect(weekOf("")).toBe("");
  });

  it("counts streaks up to today or yesterday", () => {
    expect(currentStreak(["2026-03-12", "2026-03-13", "2026-03-14"], "2026-03-14")).toBe(3);
    expect(currentStreak(["2026-03-12", "2026-03-13"], "2026-03-14")).toBe(2);
    expect(currentStreak(["2026-03-10"], "2026-03-14")).toBe(0);
    expect(thisWeek(["2026-03-09", "2026-03-14", "2026-03-01"], "2026-03-14")).toBe(2);
  });

  it("computes percentages and day spans", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(daysBetween("2026-03-01", "2026-03-14")).toBe(13);
    expect(spanDays("2026-03-01", "2026-03-04")).toBe(3);
    expect(spanDays("2026-03-04", "2026-03-04")).toBe(1);
    expect(spanDays("2026-03-04", "2026-03-01")).toBe(0);
    expect(spanDays("", "2026-03-01")).toBe(0);
    expect(formatMoney(1234.5)).toBe("$1,234.50");
  });
});

describe("validation", () => {
  it("explains what is wrong", () => {
    expect(required(" ", "Title")).toBe("Title is required.");
    expect(email("nope", "Email")).toMatch(/valid email/);
    expect(email("a@b.co", "Email")).toBeUndefined();
    expect(url("example.com", "Website")).toMatch(/web address/);
    expect(numberIn("7", "Rating", 1, 5)).toBe("Rating must be at most 5.");
    expect(numberIn("2.5", "Rating", 1, 5, true)).toBe("Rating must be a whole number.");
    expect(splitList(" a, b ,,c ")).toEqual(["a", "b", "c"]);
  });
});
