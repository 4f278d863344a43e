export type Board = number[][]; // 4 rows of 4; 0 is empty
export type Direction = "left" | "right" | "up" | "down";

export const size = 4;

export function emptyBoard(): Board {
  return Array.from({ length: size }, () => Array<number>(size).fill(0));
}

/** Slides one row to the left, merging equal neighbours once. */
export function slideRow(row: readonly number[]): { row: number[]; score: number } {
  const out: number[] = [];
  let score = 0;
  let held: number | null = null;
  for (const v of row) {
    if (v === 0) continue;
    if (held === v) {
      out.push(v * 2);
      score += v * 2;
      held = null;
    } else {
      if (held !== null) out.push(held);
      held = v;
    }
  }
  if (held !== null) out.push(held);
  while (out.length < row.length) out.push(0);
  return { row: out, score };
}

function transpose(b: Board): Board {
  return Array.from({ length: size }, (_, c) => Array.from({ length: size }, (_, r) => b[r]?.[c] ?? 0));
}

/** The board after a move, the points it scored and whether anything moved. */
export function move(board: Board, dir: Direction): { board: Board; score: number; moved: boolean } {
  const vertical = dir === "up" || dir === "down";
  const reverse = dir === "right" || dir === "down";
  let score = 0;
  const rows = (vertical ? transpose(board) : board).map((r) => {
    const slid = slideRow(reverse ? [...r].reverse() : r);
    score += slid.score;
    return reverse ? slid.row.reverse() : slid.row;
  });
  const next = vertical ? transpose(rows) : rows;
  const moved = next.some((r, i) => r.some((v, j) => v !== board[i]?.[j]));
  return { board: next, score, moved };
}

/** Adds a 2 (or, one time in ten, a 4) on a random empty cell. */
export function addTile(board: Board, random: () => number = Math.random): Board {
  const empty: [number, number][] = [];
  board.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === 0) empty.push([i, j]);
    }),
  );
  const cell = empty[Math.floor(random() * empty.length)];
  if (!cell) return board;
  const next = board.map((r) => [...r]);
  const row = next[cell[0]];
  if (row) row[cell[1]] = random() < 0.9 ? 2 : 4;
  return next;
}

/** Whether any move is left. */
export function canMove(board: Board): boolean {
  return (["left", "right", "up", "down"] as const).some((d) => move(board, d).moved);
}

export function newGame(random: () => number = Math.random): Board {
  return addTile(addTile(emptyBoard(), random), random);
}

/** The first board shown: the same on the server and in the browser. */
export function openingBoard(): Board {
  const b = emptyBoard();
  b[1] = [0, 2, 0, 0];
  b[3] = [0, 0, 2, 0];
  return b;
}
