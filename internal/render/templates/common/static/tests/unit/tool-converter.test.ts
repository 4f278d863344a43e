import { describe, expect, it } from "vitest";
import { convert, quantities, unitsOf } from "@/lib/tools/converter";

describe("converter", () => {
  it("converts between units of a quantity", () => {
    expect(convert(1, "length", "mi", "km")).toBe(1.609344);
    expect(convert(100, "temperature", "c", "f")).toBe(212);
    expect(convert(0, "temperature", "c", "k")).toBe(273.15);
    expect(convert(1, "weight", "kg", "lb")).toBe(2.204623);
    expect(convert(2, "volume", "l", "ml")).toBe(2000);
  });

  it("lists units and refuses unknown ones", () => {
    for (const q of quantities) expect(unitsOf(q).length).toBeGreaterThan(2);
    expect(convert(1, "length", "m", "kg")).toBeNull();
  });
});
