"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { addTile, canMove, move, newGame, openingBoard, type Board, type Direction } from "@/lib/tools/game2048";

const bestKey = "game2048:best";

const tileClass = (v: number): string => {
  if (v === 0) return "bg-border/40";
  if (v <= 4) return "bg-surface text-foreground border border-border";
  if (v <= 64) return "bg-primary/15 text-primary-ink";
  return "bg-primary text-on-primary";
};

const noSubscription = () => () => {};
const readBest = () => Number(window.localStorage.getItem(bestKey)) || 0;

/** The 2048 sliding tile game: arrow keys, swipes or the buttons. */
export function Game2048() {
  // The opening board is fixed so that the server and the browser agree.
  const [board, setBoard] = useState<Board>(openingBoard);
  const [score, setScore] = useState(0);
  const stored = useSyncExternalStore(noSubscription, readBest, () => 0);
  const [best, setBest] = useState(0);
  const touch = useRef<{ x: number; y: number } | null>(null);
  const over = !canMove(board);
  const shownBest = Math.max(best, stored);
  const won = board.some((row) => row.some((v) => v >= 2048));

  const go = (dir: Direction) => {
    const out = move(board, dir);
    if (!out.moved) return;
    const next = addTile(out.board);
    const total = score + out.score;
    setBoard(next);
    setScore(total);
    if (total > shownBest) {
      setBest(total);
      window.localStorage.setItem(bestKey, String(total));
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const dir = ({ ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" } as Record<string, Direction>)[event.key];
      if (dir) {
        event.preventDefault();
        go(dir);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const restart = () => {
    setBoard(newGame());
    setScore(0);
  };

  return (
    <section className="card mx-auto max-w-md p-5 sm:p-6" aria-label="2048">
      <div className="flex items-center justify-between gap-4">
        <dl className="flex gap-3">
          <div className="rounded-lg bg-background px-3 py-1 text-center">
            <dt className="text-xs uppercase text-muted">Score</dt>
            <dd className="text-xl font-bold tabular-nums">{score}</dd>
          </div>
          <div className="rounded-lg bg-background px-3 py-1 text-center">
            <dt className="text-xs uppercase text-muted">Best</dt>
            <dd className="text-xl font-bold tabular-nums">{shownBest}</dd>
          </div>
        </dl>
        <button type="button" className="btn-primary" onClick={restart}>
          New game
        </button>
      </div>
      <div
        className="mt-5 grid touch-none grid-cols-4 gap-2 rounded-xl bg-border/60 p-2"
        role="group"
        aria-label="Board"
        onTouchStart={(e) => {
          const t = e.touches[0];
          if (t) touch.current = { x: t.clientX, y: t.clientY };
        }}
        onTouchEnd={(e) => {
          const start = touch.current;
          const t = e.changedTouches[0];
          if (!start || !t) return;
          const dx = t.clientX - start.x;
          const dy = t.clientY - start.y;
          if (Math.max(Math.abs(dx), Math.abs(dy)) > 24) go(Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? "right" : "left") : dy > 0 ? "down" : "up");
          touch.current = null;
        }}
      >
        {board.flatMap((row, i) =>
          row.map((v, j) => (
            <div
              key={`${i}-${j}`}
              className={`flex aspect-square items-center justify-center rounded-lg font-bold tabular-nums ${v >= 1024 ? "text-xl" : v >= 128 ? "text-2xl" : "text-3xl"} ${tileClass(v)}`}
            >
              {v === 0 ? "" : v}
            </div>
          )),
        )}
      </div>
      <p className="mt-4 text-center text-sm font-medium" role="status" aria-live="polite">
        {over ? "No moves left: game over." : won ? "You made 2048! Keep going for a higher score." : "Use the arrow keys, swipe, or the buttons."}
      </p>
      <div className="mx-auto mt-3 grid w-40 grid-cols-3 gap-1" role="group" aria-label="Move">
        <span />
        <button type="button" className="btn-secondary px-2" onClick={() => go("up")} aria-label="Move up">
          ↑
        </button>
        <span />
        <button type="button" className="btn-secondary px-2" onClick={() => go("left")} aria-label="Move left">
          ←
        </button>
        <button type="button" className="btn-secondary px-2" onClick={() => go("down")} aria-label="Move down">
          ↓
        </button>
        <button type="button" className="btn-secondary px-2" onClick={() => go("right")} aria-label="Move right">
          →
        </button>
      </div>
    </section>
  );
}
