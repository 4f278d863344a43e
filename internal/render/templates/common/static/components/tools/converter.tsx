"use client";

import { useState } from "react";
import { convert, quantities, unitsOf, type Quantity, type Unit } from "@/lib/tools/converter";

const inputClass =
  "mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2 text-base text-foreground focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/30";

function UnitSelect({ id, label, units, value, onChange }: { id: string; label: string; units: Unit[]; value: string; onChange: (id: string) => void }) {
  return (
    <>
      <label htmlFor={id} className="mt-3 block text-sm font-medium text-foreground">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={inputClass}>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** Converts length, weight, volume and temperature as you type. */
export function Converter() {
  const [quantity, setQuantity] = useState<Quantity>("length");
  const [value, setValue] = useState("1");
  const [from, setFrom] = useState("km");
  const [to, setTo] = useState("mi");
  const units = unitsOf(quantity);
  const number = Number(value);
  const result = value.trim() === "" || Number.isNaN(number) ? null : convert(number, quantity, from, to);

  const pick = (q: Quantity) => {
    const us = unitsOf(q);
    setQuantity(q);
    setFrom(us[0]?.id ?? "");
    setTo(us[1]?.id ?? "");
  };

  return (
    <section className="card mx-auto max-w-xl p-6" aria-label="Unit converter">
      <div role="tablist" aria-label="Quantity" className="flex flex-wrap gap-2">
        {quantities.map((q) => (
          <button key={q} type="button" role="tab" aria-selected={q === quantity} className={q === quantity ? "btn-primary capitalize" : "btn-secondary capitalize"} onClick={() => pick(q)}>
            {q}
          </button>
        ))}
      </div>
      <div className="mt-6 grid gap-4 sm:grid-cols-[1fr_auto_1fr] sm:items-end">
        <div>
          <label htmlFor="convert-value" className="text-sm font-medium text-foreground">
            Value
          </label>
          <input id="convert-value" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} className={inputClass} aria-invalid={result === null} />
          <UnitSelect id="convert-from" label="From" units={units} value={from} onChange={setFrom} />
        </div>
        <button
          type="button"
          className="btn-secondary self-center"
          aria-label="Swap units"
          onClick={() => {
            setFrom(to);
            setTo(from);
          }}
        >
          ⇄
        </button>
        <div>
          <p className="text-sm font-medium text-foreground">Result</p>
          <output htmlFor="convert-value convert-from convert-to" className="mt-1 block rounded-lg bg-background px-3 py-2 font-mono text-2xl" aria-live="polite">
            {result === null ? "—" : result.toLocaleString(undefined, { maximumFractionDigits: 6 })}
          </output>
          <UnitSelect id="convert-to" label="To" units={units} value={to} onChange={setTo} />
        </div>
      </div>
      {result === null ? <p className="mt-3 text-sm font-medium text-danger">Enter a number to convert.</p> : null}
    </section>
  );
}
