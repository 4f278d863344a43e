export type Mark = "X" | "O";
export type Cell = Mark | null;

const lines: readonly (readonly [number, number, number])[] = [
  [0, 1, 2], [3, 4, 5], [6, 7, 8],
  [0, 3, 6], [1, 4, 7], [2, 5, 8],
  [0, 4, 8], [2, 4, 6],
];

/** The winner of a board and its winning line, if any. */
export function winner(board: readonly Cell[]): { mark: Mark; line: readonly number[] } | null {
  for (const line of lines) {
    const [a, b, c] = line;
    const mark = board[a];
    if (mark && mark === board[b] && mark === board[c]) return { mark, line };
  }
  return null;
}

/** Whether the board is full with no winner. */
export function isDraw(board: readonly Cell[]): boolean {
  return board.every((cell) => cell !== null) && winner(board) === null;
}

/** Whose turn it is: X starts. */
export function nextMark(board: readonly Cell[]): Mark {
  const xs = board.filter((c) => c === "X").length;
  const os = board.filter((c) => c === "O").length;
  return xs > os ? "O" : "X";
}

/** The board after a move, or the same board when the move is not allowed. */
export function play(board: readonly Cell[], index: number): Cell[] {
  if (board[index] !== null || winner(board) !== null) return [...board];
  const next = [...board];
  next[index] = nextMark(board);
  return next;
}

export const emptyBoard = (): Cell[] => Array<Cell>(9).fill(null);
