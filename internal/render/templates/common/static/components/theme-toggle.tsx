"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  media.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener("change", onChange);
  };
}

function isDark(): boolean {
  const root = document.documentElement.classList;
  if (root.contains("dark")) return true;
  if (root.contains("light")) return false;
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Switches between the light and dark colour schemes and remembers the choice. */
export function ThemeToggle({ storageKey }: { storageKey: string }) {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  function toggle() {
    const next = dark ? "light" : "dark";
    document.documentElement.classList.remove("dark", "light");
    document.documentElement.classList.add(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // The choice lasts for this visit only.
    }
  }
  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark}
      className="rounded-md border border-current px-3 py-1 text-sm font-medium transition hover:underline"
    >
      {dark ? "Light mode" : "Dark mode"}
    </button>
  );
}
