// JSONata expressions (`{% ... %}`), parsed with the `jsonata` package. Parses are cached by
// text: the same expression appears many times in a document and across keystrokes.
import jsonata from 'jsonata';

/** A node of jsonata's AST (its public `ast()` shape; only the fields we read are typed). */
export interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  [key: string]: unknown;
}

export interface JsonataSyntaxError {
  message: string;
  code?: string;
  /** Offset of the problem within the expression body. */
  position: number;
  token?: string;
}

export interface JsonataParse {
  ast?: JsonataNode;
  error?: JsonataSyntaxError;
}

const CACHE_LIMIT = 5000;
const cache = new Map<string, JsonataParse>();

/** Parses a JSONata expression body (without `{%`/`%}`). Never throws. */
export function parseJsonata(body: string): JsonataParse {
  const hit = cache.get(body);
  if (hit) return hit;
  let result: JsonataParse;
  try {
    result = { ast: jsonata(body).ast() as unknown as JsonataNode };
  } catch (error) {
    const e = error as { message?: string; code?: string; position?: number; token?: string };
    const position = typeof e.position === 'number' ? Math.max(0, Math.min(body.length, e.position - (e.token ? String(e.token).length : 0))) : 0;
    result = { error: { message: e.message ?? String(error), code: e.code, position, token: e.token } };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(body, result);
  return result;
}

/** Visits every node of a JSONata AST, depth first, without recursion. */
export function walkJsonata(ast: JsonataNode, visit: (node: JsonataNode) => void): void {
  const stack: unknown[] = [ast];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const x of item) stack.push(x);
    } else if (item && typeof item === 'object') {
      const node = item as JsonataNode;
      if (typeof node.type === 'string') visit(node);
      for (const [key, value] of Object.entries(node)) if (key !== 'position' && value && typeof value === 'object') stack.push(value);
    }
  }
}

/** String literals written in the expression (`'Bearer abc'`), with approximate body offsets. */
export function jsonataStringLiterals(ast: JsonataNode): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  walkJsonata(ast, (node) => {
    if (node.type === 'string' && typeof node.value === 'string') {
      const end = node.position ?? 0;
      out.push({ value: node.value, start: Math.max(0, end - node.value.length - 2), end });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The string literals of an expression body read lexically, without parsing: `"…"` and `'…'` with
 * backslash escapes, an unterminated one to the end; comments and backquoted names skipped. For an
 * expression that does not parse, whose quoted text may still be a credential.
 */
export function looseStringLiterals(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '/' && body[i + 1] === '*') {
      const end = body.indexOf('*/', i + 2);
      i = end < 0 ? body.length : end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      const parts: string[] = [];
      let j = i + 1;
      let from = j;
      while (j < body.length && body[j] !== c) {
        if (body[j] === '\\' && j + 1 < body.length) {
          parts.push(body.slice(from, j));
          from = j + 1;
          j += 2;
        } else j++;
      }
      parts.push(body.slice(from, j));
      if (c !== '`') out.push(parts.join(''));
      i = j + 1;
    } else i++;
  }
  return out;
}

/** The value when the whole expression is one string literal (`{% 'child-flow' %}`), else undefined. */
export function jsonataConstant(ast: JsonataNode | undefined): string | undefined {
  return ast?.type === 'string' && typeof ast.value === 'string' ? ast.value : undefined;
}

/**
 * Variable paths the expression reads, as dotted text: `$states.input.user.token`,
 * `$states.context.Task.Token`, `$myVar.x`. Computed steps are left out of the text.
 */
export function jsonataReferences(ast: JsonataNode): string[] {
  const out: string[] = [];
  walkJsonata(ast, (node) => {
    if (node.type === 'path' && Array.isArray(node.steps)) {
      const steps = node.steps as JsonataNode[];
      if (steps[0]?.type !== 'variable') return;
      const names = [`$${String(steps[0].value)}`];
      for (const step of steps.slice(1)) {
        if (step.type === 'name') names.push(String(step.value));
        else break;
      }
      out.push(names.join('.'));
    } else if (node.type === 'variable' && node.value !== '' && typeof node.value === 'string') {
      out.push(`$${node.value}`);
    }
  });
  return out;
}
