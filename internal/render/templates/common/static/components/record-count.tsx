"use client";

import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

/** "3 tasks": the number of records saved in a collection, read straight from storage. */
export function RecordCount({ collection, singular, plural }: { collection: string; singular: string; plural: string }) {
  const count = useSyncExternalStore(
    subscribe,
    () => {
      try {
        const data: unknown = JSON.parse(window.localStorage.getItem(collection) ?? "[]");
        return Array.isArray(data) ? data.length : 0;
      } catch {
        return 0;
      }
    },
    () => -1,
  );
  if (count < 0) return <span>&nbsp;</span>;
  return <span>{`${count} ${(count === 1 ? singular : plural).toLowerCase()}`}</span>;
}
