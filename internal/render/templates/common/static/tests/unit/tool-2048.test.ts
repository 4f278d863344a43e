import { describe, expect, it } from "vitest";
import { addTile, canMove, emptyBoard, move, newGame, slideRow } from "@/lib/tools/game2048";

describe("2048", () => {
  it("slides and merges each pair once", () => {
    expect(slideRow([2, 2, 2, 2])).toEqual({ row: [4, 4, 0, 0], score: 8 });
    expect(slideRow([0, 4, 0, 4])).toEqual({ row: [8, 0, 0, 0], score: 8 });
    expect(slideRow([2, 4, 8, 16])).toEqual({ row: [2, 4, 8, 16], score: 0 });
  });

  it("moves in every direction and says when nothing moved", () => {
    const board = [[2, 2, 0, 0], ...emptyBoard().slice(1)];
    expect(move(board, "right").board[0]).toEqual([0, 0, 0, 4]);
    expect(move(board, "down").board[3]?.slice(0, 2)).toEqual([2, 2]);
    expect(move(board, "up").moved).toBe(false);
  });

  it("adds tiles and ends when stuck", () => {
    const start = newGame(() => 0.5);
    expect(start.flat().filter((v) => v !== 0)).toHaveLength(2);
    const stuck = [
      [2, 4, 2, 4],
      [4, 2, 4, 2],
      [2, 4, 2, 4],
      [4, 2, 4, 2],
    ];
    expect(canMove(stuck)).toBe(false);
    expect(addTile(stuck)).toEqual(stuck);
  });
});
