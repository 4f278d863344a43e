export type Quantity = "length" | "weight" | "volume" | "temperature";

export interface Unit {
  id: string;
  label: string;
}

/** Units of each quantity and their size in the quantity's base unit (metre, kilogram, litre). */
const factors: Record<Exclude<Quantity, "temperature">, Record<string, [string, number]>> = {
  length: { mm: ["Millimetres", 0.001], cm: ["Centimetres", 0.01], m: ["Metres", 1], km: ["Kilometres", 1000], in: ["Inches", 0.0254], ft: ["Feet", 0.3048], yd: ["Yards", 0.9144], mi: ["Miles", 1609.344] },
  weight: { g: ["Grams", 0.001], kg: ["Kilograms", 1], oz: ["Ounces", 0.028349523125], lb: ["Pounds", 0.45359237], st: ["Stones", 6.35029318] },
  volume: { ml: ["Millilitres", 0.001], l: ["Litres", 1], tsp: ["Teaspoons", 0.00492892], tbsp: ["Tablespoons", 0.0147868], cup: ["Cups", 0.24], floz: ["Fluid ounces", 0.0295735], gal: ["US gallons", 3.78541] },
};

const temperatures: Unit[] = [
  { id: "c", label: "Celsius" },
  { id: "f", label: "Fahrenheit" },
  { id: "k", label: "Kelvin" },
];

export const quantities: Quantity[] = ["length", "weight", "volume", "temperature"];

export function unitsOf(q: Quantity): Unit[] {
  if (q === "temperature") return temperatures;
  return Object.entries(factors[q]).map(([id, [label]]) => ({ id, label }));
}

function toCelsius(value: number, unit: string): number {
  if (unit === "f") return ((value - 32) * 5) / 9;
  if (unit === "k") return value - 273.15;
  return value;
}

function fromCelsius(value: number, unit: string): number {
  if (unit === "f") return (value * 9) / 5 + 32;
  if (unit === "k") return value + 273.15;
  return value;
}

/** Converts value between two units of a quantity; null for an unknown unit. */
export function convert(value: number, q: Quantity, from: string, to: string): number | null {
  if (q === "temperature") {
    if (!temperatures.some((u) => u.id === from) || !temperatures.some((u) => u.id === to)) return null;
    return round(fromCelsius(toCelsius(value, from), to));
  }
  const a = factors[q][from];
  const b = factors[q][to];
  if (!a || !b) return null;
  return round((value * a[1]) / b[1]);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
