/** The result of evaluating an expression: a number, or why there is none. */
export type Evaluation = { ok: true; value: number } | { ok: false; error: string };

type Token = { kind: "num"; value: number } | { kind: "op"; op: "+" | "-" | "*" | "/" } | { kind: "paren"; open: boolean };

function tokenize(input: string): Token[] | string {
  const tokens: Token[] = [];
  const text = input.replace(/×/g, "*").replace(/÷/g, "/").replace(/−/g, "-");
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === " ") {
      i++;
    } else if (/[0-9.]/.test(c)) {
      let j = i;
      while (j < text.length && /[0-9.]/.test(text.charAt(j))) j++;
      const raw = text.slice(i, j);
      if ((raw.match(/\./g) ?? []).length > 1) return `"${raw}" is not a number`;
      tokens.push({ kind: "num", value: Number(raw) });
      i = j;
    } else if (c === "+" || c === "-" || c === "*" || c === "/") {
      tokens.push({ kind: "op", op: c });
      i++;
    } else if (c === "(" || c === ")") {
      tokens.push({ kind: "paren", open: c === "(" });
      i++;
    } else {
      return `"${c}" is not allowed`;
    }
  }
  return tokens;
}

/** Evaluates + − × ÷ with the usual precedence, parentheses and unary minus. */
export function evaluate(input: string): Evaluation {
  const tokens = tokenize(input);
  if (typeof tokens === "string") return { ok: false, error: tokens };
  if (tokens.length === 0) return { ok: false, error: "Enter a calculation" };
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  function expression(): number {
    let value = term();
    for (let t = peek(); t?.kind === "op" && (t.op === "+" || t.op === "-"); t = peek()) {
      pos++;
      value = t.op === "+" ? value + term() : value - term();
    }
    return value;
  }
  function term(): number {
    let value = factor();
    for (let t = peek(); t?.kind === "op" && (t.op === "*" || t.op === "/"); t = peek()) {
      pos++;
      const right = factor();
      if (t.op === "/" && right === 0) throw new Error("Cannot divide by zero");
      value = t.op === "*" ? value * right : value / right;
    }
    return value;
  }
  function factor(): number {
    const t = peek();
    if (t === undefined) throw new Error("The calculation is incomplete");
    pos++;
    if (t.kind === "num") return t.value;
    if (t.kind === "op" && t.op === "-") return -factor();
    if (t.kind === "paren" && t.open) {
      const value = expression();
      const close = peek();
      if (close?.kind !== "paren" || close.open) throw new Error("A bracket is not closed");
      pos++;
      return value;
    }
    throw new Error("The calculation is incomplete");
  }

  try {
    const value = expression();
    if (pos < tokens.length) return { ok: false, error: "Check the brackets and operators" };
    return { ok: true, value: Math.round(value * 1e10) / 1e10 };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : "Invalid calculation" };
  }
}
