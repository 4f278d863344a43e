"use client";

import { useEffect, useState } from "react";
import { evaluate } from "@/lib/tools/calculator";

const keys = ["7", "8", "9", "÷", "4", "5", "6", "×", "1", "2", "3", "−", "0", ".", "(", ")", "C", "⌫", "+", "="];

/** A calculator for + − × ÷ with brackets; the keyboard works too. */
export function Calculator() {
  const [input, setInput] = useState("");
  const [result, setResult] = useState<string>("");
  const [history, setHistory] = useState<string[]>([]);

  const press = (key: string) => {
    if (key === "C") {
      setInput("");
      setResult("");
    } else if (key === "⌫") {
      setInput((s) => s.slice(0, -1));
    } else if (key === "=") {
      const out = evaluate(input);
      if (out.ok) {
        setHistory((h) => [`${input} = ${out.value}`, ...h].slice(0, 5));
        setResult(String(out.value));
        setInput(String(out.value));
      } else {
        setResult(out.error);
      }
    } else {
      setInput((s) => s + key);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA")) return;
      const map: Record<string, string> = { "*": "×", "/": "÷", "-": "−", Enter: "=", Backspace: "⌫", Escape: "C" };
      const key = map[event.key] ?? event.key;
      if (keys.includes(key)) {
        event.preventDefault();
        press(key);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <section className="card mx-auto max-w-sm p-5" aria-label="Calculator">
      <output className="block min-h-24 rounded-lg bg-background p-4 text-right" aria-live="polite">
        <span className="block break-all font-mono text-2xl text-foreground">{input || "0"}</span>
        <span className="mt-1 block text-sm text-muted">{result}</span>
      </output>
      <div className="mt-4 grid grid-cols-4 gap-2">
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            onClick={() => press(key)}
            className={key === "=" ? "btn-primary py-3 text-lg" : /[÷×−+]/.test(key) ? "btn-secondary py-3 text-lg font-semibold text-primary-ink" : "btn-secondary py-3 text-lg"}
            aria-label={{ "÷": "divide", "×": "multiply", "−": "minus", "+": "plus", "=": "equals", C: "clear", "⌫": "delete" }[key] ?? key}
          >
            {key}
          </button>
        ))}
      </div>
      {history.length > 0 ? (
        <ul className="mt-4 space-y-1 border-t border-border pt-3 text-right font-mono text-sm text-muted" aria-label="History">
          {history.map((h, i) => (
            <li key={`${i}-${h}`}>{h}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
