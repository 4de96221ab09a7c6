// What a value that names an AWS resource is, for the IAM rules and the policy generator alike:
// a literal, a wildcard, a run-time value (with the literal parts of its template), a deploy-time
// placeholder, a documentation placeholder or the machine's own ARN.
import type { AstNode } from '../parse/ast';
import { isIntrinsic, isJsonata, isPlaceholder, hasPlaceholder, jsonataBody } from '../model/values';
import { parseJsonata, jsonataConstant, jsonataReferences, walkJsonata, type JsonataNode } from '../expressions/jsonata';
import { stripPlaceholders } from '../text/placeholders';

export type ResourceValueKind =
  | 'literal' // a name or ARN written in the definition (may hold `${...}` parts)
  | 'wildcard' // a literal with `*` in it
  | 'runtime' // taken from state data at run time (JSONPath, intrinsic, JSONata)
  | 'placeholder' // the whole value is one deploy-time substitution: `${TopicArn}`
  | 'self' // the state machine's own ARN: `$$.StateMachine.Id`
  | 'unknown'; // not a string (an object, a number where a name belongs)

export interface ResourceValue {
  kind: ResourceValueKind;
  /** The literal text; for `runtime`, the expression as written. */
  text: string;
  /**
   * For `runtime`: the value's shape, literal parts with `undefined` for each part computed at
   * run time. `States.Format('arn:aws:iam::{}:role/Audit', $.id)` -> ['arn:aws:iam::', undefined, ':role/Audit'].
   */
  template?: (string | undefined)[];
  /** Where a run-time value comes from: `$.fn`, `$states.input.fn`, `$$.Execution.Input.x`. */
  source?: string;
  /** Every path or variable a run-time value reads. */
  references?: string[];
  node: AstNode;
}

/** Context-object fields that the execution's input cannot choose. */
const FIXED_CONTEXT = /^(\$\$|\$states\.context)\.(StateMachine|State|Execution\.(Id|Name|RoleArn|StartTime|RedriveCount|RedriveTime)|Task)(\.|$)/;

/**
 * A run-time value that state data can choose: it reads the input, a variable or a result, not
 * only fixed context fields such as `$$.StateMachine.Id` or `$states.context.Execution.Name`.
 */
export function isInputControlled(value: ResourceValue): boolean {
  if (value.kind !== 'runtime') return false;
  const refs = value.references ?? [];
  return !refs.length || refs.some((r) => !FIXED_CONTEXT.test(r));
}

/**
 * Classifies the value of a parameter. `key` is the key as written (`FunctionName.$` makes the
 * value a path or intrinsic).
 * @example classifyValue('FunctionName.$', node('$.fn')).kind === 'runtime'
 * @example classifyValue('FunctionName', node("{% 'child-flow' %}")).text === 'child-flow'
 */
export function classifyValue(key: string, node: AstNode): ResourceValue {
  if (node.type !== 'string') {
    if (node.bare && typeof node.value === 'string') return { kind: 'placeholder', text: node.value, node };
    return { kind: 'unknown', text: node.value === undefined ? '' : String(node.value), node };
  }
  const text = node.value as string;
  if (key.endsWith('.$')) return classifyPath(text, node);
  if (isJsonata(text)) return classifyJsonata(text, node);
  return classifyLiteral(text, node);
}

/** A plain string value: placeholder, wildcard or literal. */
export function classifyLiteral(text: string, node: AstNode): ResourceValue {
  if (isPlaceholder(text)) return { kind: 'placeholder', text, node };
  if (hasWildcard(text)) return { kind: 'wildcard', text, node };
  return { kind: 'literal', text, node };
}

/** `*` outside of `${...}` placeholders. */
export function hasWildcard(text: string): boolean {
  return (hasPlaceholder(text) ? stripPlaceholders(text) : text).includes('*');
}

function classifyPath(text: string, node: AstNode): ResourceValue {
  const t = text.trim();
  if (t === '$$.StateMachine.Id') return { kind: 'self', text, node };
  if (isIntrinsic(t)) {
    const references = pathsIn(t);
    // A reference, never the expression's text: its string arguments may hold anything.
    const source = references.find((r) => !FIXED_CONTEXT.test(r)) ?? references[0];
    return { kind: 'runtime', text, node, template: formatTemplate(t) ?? [undefined], source, references };
  }
  return { kind: 'runtime', text, node, template: [undefined], source: t, references: [t] };
}

function classifyJsonata(text: string, node: AstNode): ResourceValue {
  const body = jsonataBody(text)?.body ?? '';
  const { ast } = parseJsonata(body);
  const constant = jsonataConstant(ast);
  if (constant !== undefined) return { ...classifyLiteral(constant, node), text: constant };
  if (ast && isSelfReference(ast)) return { kind: 'self', text, node };
  const references = ast ? jsonataInputs(ast) : [];
  const source = references.find((r) => !FIXED_CONTEXT.test(r)) ?? references[0];
  return { kind: 'runtime', text, node, template: (ast && concatTemplate(ast)) ?? [undefined], source, references };
}

/** The variable paths a JSONata expression reads, leaving out the names of called functions. */
function jsonataInputs(ast: JsonataNode): string[] {
  const skip = new Set<unknown>();
  walkJsonata(ast, (n) => {
    if ((n.type === 'function' || n.type === 'partial') && n.procedure) skip.add(n.procedure);
    if (n.type === 'path' && Array.isArray(n.steps)) skip.add((n.steps as JsonataNode[])[0]);
  });
  const out: string[] = [];
  walkJsonata(ast, (n) => {
    const head = n.type === 'path' && Array.isArray(n.steps) ? (n.steps as JsonataNode[])[0] : undefined;
    if (head?.type === 'variable') out.push(jsonataReferences(n)[0] ?? '');
    else if (n.type === 'variable' && typeof n.value === 'string' && !skip.has(n)) out.push(`$${n.value}`);
  });
  return [...new Set(out.filter(Boolean))];
}

function isSelfReference(ast: JsonataNode): boolean {
  const refs = jsonataInputs(ast);
  return ast.type === 'path' && refs.length === 1 && refs[0] === '$states.context.StateMachine.Id';
}

/** `'arn:aws:iam::' & $states.input.account & ':role/Audit'` -> literal parts and holes. */
function concatTemplate(ast: JsonataNode): (string | undefined)[] | undefined {
  const parts: (string | undefined)[] = [];
  const stack: JsonataNode[] = [ast];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'binary' && n.value === '&') {
      stack.push(n.rhs as JsonataNode, n.lhs as JsonataNode);
    } else if (n.type === 'string' && typeof n.value === 'string') {
      parts.push(n.value);
    } else {
      parts.push(undefined);
    }
  }
  return parts.length > 1 ? mergeHoles(parts) : undefined;
}

/** `States.Format('a{}b', $.x)` -> ['a', undefined, 'b']; undefined for other intrinsics. */
export function formatTemplate(expression: string): (string | undefined)[] | undefined {
  const m = /^\s*States\.Format\(\s*'((?:[^'\\]|\\.)*)'/.exec(expression);
  if (!m) return [undefined];
  const parts: (string | undefined)[] = [];
  let literal = '';
  const raw = m[1];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      literal += raw[++i];
    } else if (c === '{' && raw[i + 1] === '}') {
      parts.push(literal, undefined);
      literal = '';
      i++;
    } else {
      literal += c;
    }
  }
  parts.push(literal);
  return mergeHoles(parts.filter((p) => p !== ''));
}

function mergeHoles(parts: (string | undefined)[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p === undefined && out.length && last === undefined) continue;
    if (p !== undefined && out.length && last !== undefined) out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

/** The `$...` paths an intrinsic call reads (string arguments left out). */
function pathsIn(expression: string): string[] {
  return [...withoutStrings(expression).matchAll(/\$\$?[A-Za-z0-9_.[\]-]*/g)].map((m) => m[0]);
}

/**
 * `expression` with each 'quoted string' (backslash escapes inside) emptied to `''`, an unterminated
 * one left as it is. What `replace(/'(?:[^'\\]|\\.)*'/g, "''")` does, in one pass instead of one per quote.
 */
function withoutStrings(expression: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = expression.indexOf("'", at);
    if (open < 0) return out + expression.slice(at);
    let i = open + 1;
    while (i < expression.length && expression[i] !== "'") i += expression[i] === '\\' ? 2 : 1;
    // No closing quote from here: none from any later quote either (the escapes line up the same way).
    if (i >= expression.length) return out + expression.slice(at);
    out += expression.slice(at, open) + "''";
    at = i + 1;
  }
}

/** The literal text before the first run-time part (`'orders-'` of `'orders-' & $x`). */
export function literalPrefix(value: ResourceValue): string {
  if (value.kind !== 'runtime') return value.text;
  return value.template?.[0] ?? '';
}

/**
 * The narrowest IAM pattern for a value: literal text as is, each run-time part as `*`.
 * @example patternOf(runtime of States.Format('orders-{}', $.id)) === 'orders-*'
 */
export function patternOf(value: ResourceValue): string {
  if (value.kind !== 'runtime') return value.text;
  return (value.template ?? [undefined]).map((p) => (p === undefined ? '*' : p)).join('');
}

const DOC_PLACEHOLDER = /^(<[^>]*>|\([^)]*\)|\{\{[^}]*\}\}|\[\[[^\]]*\]\]|[A-Z][A-Z0-9_-]*|your[-_ ]?\S*|x{3,})$/i;
/** `^.*(account id|region).*$` without the `.*` on both sides, which backtracks over long text: one line that mentions them. */
const mentionsAccountOrRegion = (part: string) => !/[\n\r\u2028\u2029]/.test(part) && /account[-_ ]?(id|number)|region/i.test(part);

/**
 * An ARN part that stands for a value the reader must fill in: `<AWS_ACCOUNT_ID>`, `(Account_ID)`,
 * `your-account-id`, `REGION`, `{{region}}`, `[[accountId]]`. Real regions and 12-digit accounts are not.
 */
export function isDocPlaceholder(part: string, role: 'region' | 'account'): boolean {
  if (!part || hasPlaceholder(part)) return false;
  if (role === 'account' && /^\d{12}$/.test(part)) return false;
  if (role === 'region' && /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/.test(part)) return false;
  return (DOC_PLACEHOLDER.test(part) || mentionsAccountOrRegion(part)) && !part.includes('*');
}
