import { describe, expect, it } from "vitest";
import { emptyBoard, isDraw, nextMark, play, winner, type Cell } from "@/lib/tools/tictactoe";

describe("tic-tac-toe", () => {
  it("takes turns and finds the winner", () => {
    let board = emptyBoard();
    for (const i of [0, 3, 1, 4, 2]) board = play(board, i);
    expect(winner(board)).toEqual({ mark: "X", line: [0, 1, 2] });
    expect(play(board, 8)).toEqual(board);
  });

  it("ignores taken cells and sees a draw", () => {
    const board = play(emptyBoard(), 4);
    expect(play(board, 4)).toEqual(board);
    expect(nextMark(board)).toBe("O");
    const full: Cell[] = ["X", "O", "X", "X", "O", "O", "O", "X", "X"];
    expect(isDraw(full)).toBe(true);
  });
});
