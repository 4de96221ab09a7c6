// Loop and recursion counters: which fields or variables a state increments (States.MathAdd,
// JSONata `+`/`-` with a number) and which ones a Choice compares as numbers. A counter is a
// name found in both; the quota rules (QUO002, QUO004) treat it as a bound.
import { isArray, isObject, propertiesOf, keyOf, stringOf, valueOf, type AstNode } from '../../parse/ast';
import { forEachPayloadValue, PAYLOAD_FIELDS, walkScalars } from '../../model/payload';
import { baseKey, isDynamicKey, isJsonata, jsonataBody } from '../../model/values';
import { jsonataReferences, parseJsonata, walkJsonata, type JsonataNode } from '../../expressions/jsonata';
import type { State } from '../../model/types';

const NUMERIC_OPERATORS = /^Numeric(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;
const ORDER_OPERATORS = new Set(['<', '<=', '>', '>=']);
const BOOLEAN_OPERATORS = /^BooleanEquals(Path)?$/;
const EQUALITY_OPERATORS = new Set(['=', '!=']);
/** Field names that hold a loop counter by convention (whole segment, case-insensitive). */
const COUNTER_NAME = /^(loop|poll|retry|attempt|iteration|try|run)[_-]?(count|counter|number|num|index|idx)$|^(count|counter|index|idx|iterations?|iterator|attempts?|retries|tries|remaining|depth)$/i;
const CONTEXT_WORDS = new Set(['states', 'input', 'context', 'result', '']);
/** Fields Step Functions evaluates (`Result` is literal data: a `.$` key there is never run). */
const EVALUATED_FIELDS = PAYLOAD_FIELDS.filter((f) => f !== 'Result');

/** The last field name of a JSONPath (`$.loop.count` -> `count`, `$count` -> `count`), lower-cased. */
export function lastName(path: string): string | undefined {
  const names = path.match(/[A-Za-z_][\w-]*/g);
  const last = names?.[names.length - 1]?.toLowerCase();
  return last && !CONTEXT_WORDS.has(last) ? last : undefined;
}

/**
 * Names of the paths inside `States.MathAdd(...)` calls of a JSONPath value: the arguments up to the
 * first `)`, as /States\.MathAdd\s*\(([^)]*)\)/g reads them, in one pass (that expression rescans to
 * the end from every call that has no `)` after it).
 */
function mathAddNames(value: string): string[] {
  const out: string[] = [];
  const CALL = 'States.MathAdd';
  for (let at = value.indexOf(CALL); at >= 0; at = value.indexOf(CALL, at + 1)) {
    let open = at + CALL.length;
    while (/\s/.test(value[open] ?? '')) open++;
    if (value[open] !== '(') continue;
    const close = value.indexOf(')', open);
    if (close < 0) break;
    at = close;
    for (const arg of value.slice(open + 1, close).split(',')) {
      const name = arg.trim().startsWith('$') ? lastName(arg.trim()) : undefined;
      if (name) out.push(name);
    }
  }
  return out;
}

function referenceNames(node: JsonataNode): string[] {
  return jsonataReferences(node).map(lastName).filter((n): n is string => !!n);
}

/** Names read by `x + 1` / `x - 1` arithmetic in a JSONata expression. */
function jsonataIncrementNames(ast: JsonataNode): string[] {
  const out: string[] = [];
  walkJsonata(ast, (node) => {
    if (node.type !== 'binary' || (node.value !== '+' && node.value !== '-')) return;
    const lhs = node.lhs as JsonataNode | undefined;
    const rhs = node.rhs as JsonataNode | undefined;
    if (rhs?.type === 'number' && lhs) out.push(...referenceNames(lhs));
    else if (lhs?.type === 'number' && rhs) out.push(...referenceNames(rhs));
  });
  return out;
}

function parsedBody(value: string): JsonataNode | undefined {
  const body = isJsonata(value) ? jsonataBody(value) : undefined;
  return body ? parseJsonata(body.body).ast : undefined;
}

/**
 * Names (lower-case) of fields or variables a state sets to an incremented value: the key and
 * the operand of `"count.$": "States.MathAdd($.count, 1)"` or `"count": "{% $count + 1 %}"`.
 * @example incrementedNames(<Pass with "i.$": "States.MathAdd($.i, 1)">) -> Set { 'i' }
 */
export function incrementedNames(state: State): Set<string> {
  const out = new Set<string>();
  forEachPayloadValue(state, ({ key, node }) => {
    const value = stringOf(node);
    if (value === undefined) return;
    let names: string[] = [];
    if (key !== undefined && isDynamicKey(key) && value.includes('States.MathAdd')) names = mathAddNames(value);
    else {
      const ast = parsedBody(value);
      if (ast) names = jsonataIncrementNames(ast);
    }
    if (!names.length) return;
    for (const name of names) out.add(name);
    const own = key !== undefined ? lastName(baseKey(key)) : undefined;
    if (own) out.add(own);
  }, EVALUATED_FIELDS);
  return out;
}

/** A field compared by a Choice rule: its path text and whether the comparison is numeric or boolean. */
interface Comparison {
  path: string;
  kind: 'numeric' | 'boolean';
}

/** Every numeric or boolean comparison in a Choice state's rules, nested And/Or/Not included. */
function comparisonsOf(choice: State): Comparison[] {
  const out: Comparison[] = [];
  const choices = valueOf(choice.node, 'Choices');
  const stack: AstNode[] = isArray(choices) ? [...choices.children] : [];
  while (stack.length) {
    const rule = stack.pop()!;
    if (!isObject(rule)) continue;
    for (const prop of propertiesOf(rule)) {
      const key = keyOf(prop);
      const value = prop.children[1];
      if ((key === 'And' || key === 'Or') && isArray(value)) stack.push(...value.children);
      else if (key === 'Not' && value) stack.push(value);
      else if (NUMERIC_OPERATORS.test(key) || BOOLEAN_OPERATORS.test(key)) {
        const kind = NUMERIC_OPERATORS.test(key) ? 'numeric' : 'boolean';
        const variable = stringOf(valueOf(rule, 'Variable'));
        if (variable) out.push({ path: variable, kind });
        const operand = key.endsWith('Path') ? stringOf(value) : undefined;
        if (operand) out.push({ path: operand, kind });
      } else if (key === 'Condition') {
        const ast = parsedBody(stringOf(value) ?? '');
        if (ast) out.push(...jsonataComparisons(ast));
      }
    }
  }
  return out;
}

function jsonataComparisons(ast: JsonataNode): Comparison[] {
  const out: Comparison[] = [];
  walkJsonata(ast, (node) => {
    if (node.type !== 'binary' || typeof node.value !== 'string') return;
    const lhs = node.lhs as JsonataNode | undefined;
    const rhs = node.rhs as JsonataNode | undefined;
    const equality = EQUALITY_OPERATORS.has(node.value);
    const kind = ORDER_OPERATORS.has(node.value) || (equality && (lhs?.type === 'number' || rhs?.type === 'number')) ? 'numeric' : equality && (typeof lhs?.value === 'boolean' || typeof rhs?.value === 'boolean') ? 'boolean' : undefined;
    if (!kind) return;
    for (const side of [lhs, rhs]) if (side) for (const path of jsonataReferences(side)) out.push({ path, kind });
  });
  return out;
}

/**
 * Names (lower-case) a Choice state compares as numbers, in any rule (nested And/Or/Not too):
 * JSONPath `Numeric*` operators and JSONata `<`, `<=`, `>`, `>=` (or `=`/`!=` against a number).
 * @example comparedNames(<Choice with Variable "$.attempt", NumericGreaterThan 5>) -> Set { 'attempt' }
 */
export function comparedNames(choice: State): Set<string> {
  const out = new Set<string>();
  for (const c of comparisonsOf(choice)) {
    const name = c.kind === 'numeric' ? lastName(c.path) : undefined;
    if (name) out.add(name);
  }
  return out;
}

/**
 * Counter-named fields (lower-case) a Choice compares as a number or boolean: a path segment such
 * as `count`, `retryCount`, `attempts`, `iteration`, `iterator`, `index`, `remaining` or `depth`.
 * Covers counters kept by a Lambda function (`$.iterator.continue`, `$.result.remaining`).
 * @example counterLikeNames(<Choice with Variable "$.iterator.continue", BooleanEquals true>) -> Set { 'iterator' }
 */
export function counterLikeNames(choice: State): Set<string> {
  const out = new Set<string>();
  for (const c of comparisonsOf(choice)) {
    for (const segment of c.path.match(/[A-Za-z_][\w-]*/g) ?? []) if (COUNTER_NAME.test(segment)) out.add(segment.toLowerCase());
  }
  return out;
}

/**
 * Names (lower-case) a payload subtree mentions: its keys (without `.$`) and the last field of
 * every path or JSONata reference in its values. `undefined` when the subtree is one dynamic value
 * (`"Input.$": "$"`, a JSONata expression), which may pass anything along.
 */
export function mentionedNames(node: AstNode, dynamicKey: boolean): Set<string> | undefined {
  const scalar = stringOf(node);
  if (scalar !== undefined && (dynamicKey || isJsonata(scalar))) return undefined;
  const out = new Set<string>();
  walkScalars(node, '', ({ key, node: leaf }) => {
    const own = key !== undefined ? lastName(baseKey(key)) : undefined;
    if (own) out.add(own);
    const value = stringOf(leaf);
    if (value === undefined) return;
    const ast = parsedBody(value);
    const names = ast ? referenceNames(ast) : key !== undefined && isDynamicKey(key) ? (value.match(/\$[\w.$[\]'"-]*/g) ?? []).map(lastName) : [];
    for (const name of names) if (name) out.add(name);
  });
  return out;
}
