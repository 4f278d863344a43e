import { useSyncExternalStore } from "react";

/** Fields every stored record has. */
export interface StoredRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
}

/** The values of a record that a form edits. */
export type Values<T extends StoredRecord> = Omit<T, keyof StoredRecord>;

type Listener = () => void;

/** A list of records kept in the browser's localStorage, shared by every component that reads it. */
export interface Collection<T extends StoredRecord> {
  readonly key: string;
  subscribe: (listener: Listener) => () => void;
  all: () => readonly T[];
  get: (id: string) => T | undefined;
  add: (values: Values<T>) => T;
  update: (id: string, values: Partial<Values<T>>) => T | undefined;
  remove: (id: string) => T | undefined;
  restore: (record: T) => void;
}

const NONE: readonly never[] = [];

export function createCollection<T extends StoredRecord>(
  key: string,
  parse: (value: unknown) => T | null,
  seed: readonly T[] = NONE,
): Collection<T> {
  let cache: readonly T[] | null = null;
  const listeners = new Set<Listener>();

  function all(): readonly T[] {
    if (cache !== null) return cache;
    if (typeof window === "undefined") return NONE;
    const raw = window.localStorage.getItem(key);
    if (raw === null) {
      cache = seed;
      return cache;
    }
    try {
      const data: unknown = JSON.parse(raw);
      cache = Array.isArray(data) ? data.map(parse).filter((r): r is T => r !== null) : NONE;
    } catch {
      cache = NONE;
    }
    return cache;
  }

  function write(next: readonly T[]): void {
    cache = next;
    try {
      window.localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Storage is full or disabled: keep the change in memory for this visit.
    }
    listeners.forEach((listener) => listener());
  }

  function onStorage(event: StorageEvent): void {
    if (event.key !== key) return;
    cache = null;
    listeners.forEach((listener) => listener());
  }

  return {
    key,
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener("storage", onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener("storage", onStorage);
      };
    },
    all,
    get: (id) => all().find((record) => record.id === id),
    add(values) {
      const now = new Date().toISOString();
      const record = { ...values, id: newId(), createdAt: now, updatedAt: now } as T;
      write([record, ...all()]);
      return record;
    },
    update(id, values) {
      let updated: T | undefined;
      write(
        all().map((record) => {
          if (record.id !== id) return record;
          updated = { ...record, ...values, updatedAt: new Date().toISOString() };
          return updated;
        }),
      );
      return updated;
    },
    remove(id) {
      const removed = all().find((record) => record.id === id);
      write(all().filter((record) => record.id !== id));
      return removed;
    },
    restore(record) {
      if (all().some((r) => r.id === record.id)) return;
      write([record, ...all()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    },
  };
}

/** The records of a collection; empty during server rendering and hydration. */
export function useCollection<T extends StoredRecord>(collection: Collection<T>): readonly T[] {
  return useSyncExternalStore(collection.subscribe, collection.all, () => NONE);
}

const subscribeNothing = (): (() => void) => () => undefined;

/** False during server rendering and hydration, true once the browser has taken over. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

export function newId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Helpers for reading records back from storage without trusting their shape. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function readNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function readBoolean(value: unknown): boolean {
  return value === true;
}

export function readList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function readOption<T extends string>(value: unknown, options: readonly T[], fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}
