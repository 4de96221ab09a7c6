// Intrinsic function calls (`States.Format('{}', $.x)`): the 18 functions, their argument counts,
// and a parser for argument lists (quoted strings with `\'` `\{` `\}` `\\` escapes, numbers,
// booleans, null, paths and nested calls). Iterative depth is capped so hostile input cannot
// exhaust the stack.
import { checkPath, matching, type ExpressionProblem } from './jsonpath';

/** How many arguments an intrinsic takes (`max` is Infinity for variadic functions). */
export interface IntrinsicSpec {
  min: number;
  max: number;
  description: string;
}

/** The intrinsic functions of Amazon States Language, by full name. */
export const INTRINSIC_FUNCTIONS: Readonly<Record<string, IntrinsicSpec>> = {
  'States.Format': { min: 1, max: Infinity, description: 'Builds a string: each "{}" in the first argument takes the next argument.' },
  'States.StringToJson': { min: 1, max: 1, description: 'Parses a JSON string.' },
  'States.JsonToString': { min: 1, max: 1, description: 'Serialises a value to a JSON string.' },
  'States.Array': { min: 0, max: Infinity, description: 'Builds an array of its arguments.' },
  'States.ArrayPartition': { min: 2, max: 2, description: 'Splits an array into chunks of a given size.' },
  'States.ArrayContains': { min: 2, max: 2, description: 'Whether an array contains a value.' },
  'States.ArrayRange': { min: 3, max: 3, description: 'An array of numbers from start to end by step.' },
  'States.ArrayGetItem': { min: 2, max: 2, description: 'The item of an array at an index.' },
  'States.ArrayLength': { min: 1, max: 1, description: 'The length of an array.' },
  'States.ArrayUnique': { min: 1, max: 1, description: 'An array without duplicate values.' },
  'States.Base64Encode': { min: 1, max: 1, description: 'Base64-encodes a string.' },
  'States.Base64Decode': { min: 1, max: 1, description: 'Decodes a base64 string.' },
  'States.Hash': { min: 2, max: 2, description: 'Hashes a value with MD5, SHA-1, SHA-256, SHA-384 or SHA-512.' },
  'States.JsonMerge': { min: 3, max: 3, description: 'Merges two objects (shallow; the third argument must be false).' },
  'States.MathRandom': { min: 2, max: 3, description: 'A random integer between start and end, with an optional seed.' },
  'States.MathAdd': { min: 2, max: 2, description: 'Adds two numbers.' },
  'States.StringSplit': { min: 2, max: 2, description: 'Splits a string by a delimiter into an array.' },
  'States.UUID': { min: 0, max: 0, description: 'A version 4 UUID.' },
};

/** Deeper nesting than this is reported instead of parsed (AWS allows about 10). */
const MAX_DEPTH = 64;
/** A character that stands for a masked deploy-time placeholder (`${X}`). */
export const PLACEHOLDER_MASK = '\u0000';

interface Arg {
  kind: 'string' | 'number' | 'literal' | 'path' | 'call' | 'opaque';
  start: number;
  end: number;
  /** Decoded text of a string argument; the literal word for `literal`. */
  text?: string;
}

class Problem extends Error {
  constructor(readonly problem: ExpressionProblem) {
    super(problem.message);
  }
}

/**
 * Checks an intrinsic function call; undefined when it is valid. Placeholders must already be
 * masked with PLACEHOLDER_MASK (same length), so indices stay those of the original text.
 * @example checkIntrinsic("States.Format('{}-{}', $.a)")?.message === 'States.Format has 2 "{}" placeholders but 1 value after the template.'
 */
export function checkIntrinsic(text: string): ExpressionProblem | undefined {
  try {
    let i = skipWs(text, 0);
    i = parseCall(text, i, 1).end;
    i = skipWs(text, i);
    if (i < text.length) fail(`Unexpected text after the call: "${text.slice(i, i + 20)}".`, i, text.length);
    return undefined;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    // A problem "at the end" points at the last character, never past the text.
    const start = Math.max(0, Math.min(error.problem.start, text.length - 1));
    return { ...error.problem, start, end: Math.min(text.length, Math.max(error.problem.end, start + 1)) };
  }
}

function fail(message: string, start: number, end: number, unknownFunction?: string): never {
  throw new Problem({ message, start, end, ...(unknownFunction ? { unknownFunction } : {}) });
}

function skipWs(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function parseCall(text: string, start: number, depth: number): Arg {
  if (depth > MAX_DEPTH) fail(`Intrinsic functions are nested more than ${MAX_DEPTH} deep.`, start, start + 1);
  const head = /^States\.([A-Za-z0-9_]*)/.exec(text.slice(start, start + 64));
  if (!head) fail('Expected an intrinsic function such as States.Format(...).', start, start + 1);
  const name = head[0];
  const nameEnd = start + name.length;
  const spec = INTRINSIC_FUNCTIONS[name];
  if (!spec) fail(`"${name}" is not an intrinsic function.`, start, nameEnd, name);
  let i = skipWs(text, nameEnd);
  if (text[i] !== '(') fail(`Expected "(" after ${name}.`, i, i + 1);
  const args: Arg[] = [];
  i = skipWs(text, i + 1);
  if (text[i] === ')') {
    i++;
  } else {
    for (;;) {
      const arg = parseArg(text, i, depth);
      args.push(arg);
      i = skipWs(text, arg.end);
      if (text[i] === ',') {
        i = skipWs(text, i + 1);
        continue;
      }
      if (text[i] === ')') {
        i++;
        break;
      }
      fail(i < text.length ? `Expected "," or ")" in ${name}(...), not "${text[i]}".` : `${name}( is not closed with ")".`, Math.min(i, text.length - 1), Math.min(i + 1, text.length));
    }
  }
  checkArity(name, spec, args, start, i);
  return { kind: 'call', start, end: i };
}

function parseArg(text: string, i: number, depth: number): Arg {
  const c = text[i];
  if (c === "'") return parseString(text, i);
  if (c === '$') return parsePathArg(text, i);
  if (c === PLACEHOLDER_MASK) {
    let e = i;
    while (text[e] === PLACEHOLDER_MASK) e++;
    return { kind: 'opaque', start: i, end: e };
  }
  if (text.startsWith('States.', i)) return parseCall(text, i, depth + 1);
  const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
  if (number) return { kind: 'number', start: i, end: i + number[0].length };
  const word = /^(true|false|null)\b/.exec(text.slice(i, i + 6));
  if (word) return { kind: 'literal', start: i, end: i + word[0].length, text: word[0] };
  if (c === '"') fail('Intrinsic function strings use single quotes: \'text\'.', i, i + 1);
  if (i >= text.length) fail('An argument is missing before the end of the call.', Math.max(0, text.length - 1), text.length);
  fail(`Unexpected "${c}"; an argument is a 'string', a number, true, false, null, a path or an intrinsic function.`, i, i + 1);
}

function parseString(text: string, start: number): Arg {
  let out = '';
  let i = start + 1;
  while (i < text.length && text[i] !== "'") {
    if (text[i] === '\\') {
      const e = text[i + 1];
      if (e !== "'" && e !== '{' && e !== '}' && e !== '\\') {
        fail(`"\\${e ?? ''}" is not an escape; only \\' \\{ \\} and \\\\ are (write \\\\ for a backslash).`, i, Math.min(i + 2, text.length));
      }
      out += `\\${e}`;
      i += 2;
    } else {
      out += text[i];
      i++;
    }
  }
  if (i >= text.length) fail("The string is not closed with '.", start, text.length);
  return { kind: 'string', start, end: i + 1, text: out };
}

/** A path argument runs to the next "," or ")" outside brackets and quotes. */
function parsePathArg(text: string, start: number): Arg {
  let i = start;
  while (i < text.length && text[i] !== ',' && text[i] !== ')') {
    if (text[i] === '[' || text[i] === '(') {
      const close = matching(text, i, text.length, text[i], text[i] === '[' ? ']' : ')');
      if (close < 0) fail(`"${text[i]}" is not closed.`, i, text.length);
      i = close + 1;
    } else {
      i++;
    }
  }
  let end = i;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const path = text.slice(start, end);
  if (!path.includes(PLACEHOLDER_MASK)) {
    const problem = checkPath(path, 'path');
    if (problem) fail(problem.message, start + problem.start, start + problem.end);
  }
  return { kind: 'path', start, end };
}

function checkArity(name: string, spec: IntrinsicSpec, args: Arg[], start: number, end: number): void {
  const n = args.length;
  if (n < spec.min || n > spec.max) {
    const wanted = spec.max === 0 ? 'no arguments'
      : spec.min === spec.max ? `${spec.min} argument${spec.min === 1 ? '' : 's'}`
      : spec.max === Infinity ? `at least ${spec.min} argument${spec.min === 1 ? '' : 's'}`
      : `${spec.min} or ${spec.max} arguments`;
    fail(`${name} takes ${wanted}, not ${n}.`, start, end);
  }
  if (name === 'States.Format' && args[0].kind === 'string' && !args[0].text?.includes(PLACEHOLDER_MASK)) {
    const template = args[0].text ?? '';
    const holes = countHoles(template);
    if (holes < 0) fail('In an intrinsic string, "{" and "}" are reserved: write "{}" for a value or escape them as \\{ and \\}.', args[0].start, args[0].end);
    if (holes !== n - 1 && !args.slice(1).some((a) => a.kind === 'opaque')) {
      fail(`States.Format has ${holes} "{}" placeholder${holes === 1 ? '' : 's'} but ${n - 1} value${n - 1 === 1 ? '' : 's'} after the template.`, start, end);
    }
  }
  if (name === 'States.JsonMerge' && args[2]?.kind === 'literal' && args[2].text === 'true') {
    fail('States.JsonMerge does not support deep merging; the third argument must be false.', args[2].start, args[2].end);
  }
}

/** Number of `{}` in an intrinsic string (escapes kept as written), or -1 for a lone brace. */
function countHoles(template: string): number {
  let holes = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '\\') i++;
    else if (c === '{' && template[i + 1] === '}') {
      holes++;
      i++;
    } else if (c === '{' || c === '}') return -1;
  }
  return holes;
}
