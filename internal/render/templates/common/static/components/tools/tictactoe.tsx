"use client";

import { useState } from "react";
import { emptyBoard, isDraw, nextMark, play, winner, type Cell } from "@/lib/tools/tictactoe";

/** Tic-tac-toe for two players on one device, with a running score. */
export function TicTacToe() {
  const [board, setBoard] = useState<Cell[]>(emptyBoard);
  const [score, setScore] = useState({ X: 0, O: 0, draw: 0 });
  const won = winner(board);
  const draw = isDraw(board);
  const status = won ? `${won.mark} wins!` : draw ? "It's a draw." : `${nextMark(board)} to play`;

  const choose = (i: number) => {
    const next = play(board, i);
    if (next.every((c, k) => c === board[k])) return;
    setBoard(next);
    const w = winner(next);
    if (w) setScore((s) => ({ ...s, [w.mark]: s[w.mark] + 1 }));
    else if (isDraw(next)) setScore((s) => ({ ...s, draw: s.draw + 1 }));
  };

  return (
    <section className="card mx-auto max-w-md p-6" aria-label="Tic-tac-toe">
      <p className="text-center text-xl font-semibold" role="status" aria-live="polite">
        {status}
      </p>
      <div className="mx-auto mt-6 grid w-full max-w-xs grid-cols-3 gap-2" role="group" aria-label="Board">
        {board.map((cell, i) => {
          const highlight = won?.line.includes(i);
          return (
            <button
              key={i}
              type="button"
              onClick={() => choose(i)}
              disabled={cell !== null || won !== null}
              aria-label={`Row ${Math.floor(i / 3) + 1}, column ${(i % 3) + 1}: ${cell ?? "empty"}`}
              className={`aspect-square rounded-lg border text-4xl font-bold transition ${
                highlight ? "border-primary bg-primary text-on-primary" : "border-border bg-background text-foreground hover:border-primary-ink"
              }`}
            >
              {cell ?? ""}
            </button>
          );
        })}
      </div>
      <dl className="mt-6 grid grid-cols-3 text-center text-sm">
        {(["X", "O", "draw"] as const).map((k) => (
          <div key={k}>
            <dt className="text-muted">{k === "draw" ? "Draws" : `${k} wins`}</dt>
            <dd className="text-2xl font-bold tabular-nums">{score[k]}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 flex justify-center">
        <button type="button" className="btn-primary" onClick={() => setBoard(emptyBoard())}>
          New game
        </button>
      </div>
    </section>
  );
}
