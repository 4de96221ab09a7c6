// ASL007: paths (`.$` values, InputPath, ResultPath, `*Path` fields, Choice Variable), intrinsic
// function calls and JSONata `{% %}` expressions that Step Functions cannot evaluate. Each
// finding underlines the exact characters inside the string.
import { isArray, isObject, keyOf, propertiesOf, valueOf, type AstNode, type OffsetRange } from '../parse/ast';
import { rangeInValue } from '../parse/string-offsets';
import { hasPlaceholder, isDynamicKey, isJsonata, jsonataBody } from '../model/values';
import { CHOICE_COMBINATORS, COMPARISON_OPERATORS, STATE_FIELDS, type ValueKind } from '../model/fields';
import { checkPath, type ExpressionProblem, type PathKind } from '../expressions/jsonpath';
import { checkIntrinsic, INTRINSIC_FUNCTIONS, PLACEHOLDER_MASK } from '../expressions/intrinsics';
import { parseJsonata } from '../expressions/jsonata';
import { jsonataProblems, maskPlaceholdersForJsonata } from '../expressions/jsonata-checks';
import { defineRule, type StateRuleContext } from './define-rule';
import { closestName } from './utils/closest-name';
import { replacePlaceholders } from '../text/placeholders';
import { maskQuoted } from '../secrets/mask';

const PATH_KINDS: Partial<Record<ValueKind, PathKind>> = { path: 'path', 'reference-path': 'reference', 'result-path': 'result', 'path-or-intrinsic': 'reference' };
/** Subtrees that are other states (checked as those states), free text, or literal data (`Result`). */
const NOT_EVALUATED = new Set(['Branches', 'ItemProcessor', 'Iterator', 'Comment', 'Result']);
/** State fields that hold user data, where any key (even "Comment") is evaluated. */
const DATA_FIELDS = new Set(['Arguments', 'Output', 'Assign', 'ItemSelector', 'Items', 'Parameters', 'ResultSelector', 'Credentials', 'ItemReader', 'ItemBatcher', 'ResultWriter']);
const INTRINSIC_START = /^\s*States\./;

export default defineRule({
  code: 'ASL007',
  name: 'invalid-expression',
  title: 'Invalid JSONPath, intrinsic or JSONata expression',
  description: 'A path, intrinsic function call or JSONata expression that Step Functions cannot evaluate.',
  category: 'correctness',
  severity: 'error',
  messages: {
    invalidPath: 'Invalid path in "{{field}}": {{detail}}',
    invalidIntrinsic: 'Invalid intrinsic function in "{{field}}": {{detail}}',
    unknownIntrinsic: '"{{name}}" is not an intrinsic function{{suggestion}}',
    intrinsicNotAllowed: '"{{field}}" takes a path; intrinsic functions are allowed only in ".$" fields, ErrorPath and CausePath.',
    dynamicNotString: '"{{field}}" ends in ".$", so its value must be a path or intrinsic function string.',
    invalidJsonata: 'Invalid JSONata expression in "{{field}}": {{detail}}',
    jsonataTopLevelReference: '"{{name}}" reads the JSONata context item, which Step Functions does not set; write "$states.input.{{name}}" (or a variable).',
    jsonataContextItem: '"{{name}}" at the top of a JSONata expression refers to no data in Step Functions; use "$states.input" or "$states.context".',
    jsonataUnsupportedFunction: '"{{name}}" is not available in Step Functions JSONata; use "$parse" to read JSON text.',
    unterminatedJsonata: 'This value starts with "{%" but does not end with "%}", so Step Functions treats it as plain text.',
  },
  checkState(state, ctx) {
    if (state.queryLanguage === 'JSONata') checkJsonataState(state.node, ctx);
    else checkJsonPathState(state.node, ctx);
  },
});

function checkJsonPathState(stateNode: AstNode, ctx: StateRuleContext): void {
  for (const prop of propertiesOf(stateNode)) {
    const kind = STATE_FIELDS[keyOf(prop)]?.value;
    if (kind && PATH_KINDS[kind] && prop.children[1]) checkPathField(keyOf(prop), prop.children[1], kind, ctx);
  }
  const catchers = valueOf(stateNode, 'Catch');
  if (isArray(catchers)) for (const c of catchers.children) checkOptionalPath(c, 'ResultPath', 'result-path', ctx);
  for (const field of ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']) checkOptionalPath(valueOf(stateNode, 'ItemBatcher'), field, 'reference-path', ctx);
  checkOptionalPath(valueOf(valueOf(stateNode, 'ItemReader'), 'ReaderConfig'), 'MaxItemsPath', 'reference-path', ctx);
  checkChoiceRules(valueOf(stateNode, 'Choices'), ctx);
  forEachEvaluated(stateNode, (key, node) => {
    if (!key || !isDynamicKey(key)) return;
    if (node.type === 'string') checkPathField(key, node, 'path-or-intrinsic-any', ctx);
    else if (!node.bare) ctx.report({ messageId: 'dynamicNotString', node, data: { field: key } });
  });
}

function checkOptionalPath(obj: AstNode | undefined, field: string, kind: ValueKind, ctx: StateRuleContext): void {
  const node = valueOf(obj, field);
  if (node) checkPathField(field, node, kind, ctx);
}

/** Variable and `*Path` comparisons of Choice rules, nested And/Or/Not included. */
function checkChoiceRules(choices: AstNode | undefined, ctx: StateRuleContext): void {
  const work = isArray(choices) ? [...choices.children] : [];
  while (work.length) {
    const rule = work.pop()!;
    for (const prop of propertiesOf(rule)) {
      const key = keyOf(prop);
      const value = prop.children[1];
      if (!value) continue;
      if (key === 'Variable' || COMPARISON_OPERATORS[key] === 'path') checkPathField(key, value, 'path', ctx);
      else if (CHOICE_COMBINATORS.includes(key)) work.push(...(isArray(value) ? value.children : isObject(value) ? [value] : []));
    }
  }
}

/**
 * One path-valued string. `path-or-intrinsic-any` is a `.$` value: any path or an intrinsic;
 * `path-or-intrinsic` (ErrorPath, CausePath): a reference path or an intrinsic.
 */
function checkPathField(field: string, node: AstNode, kind: ValueKind | 'path-or-intrinsic-any', ctx: StateRuleContext): void {
  if (node.type !== 'string' || node.bare) return;
  const value = node.value as string;
  const intrinsicAllowed = kind === 'path-or-intrinsic' || kind === 'path-or-intrinsic-any';
  if (INTRINSIC_START.test(value)) {
    if (!intrinsicAllowed) {
      ctx.report({ messageId: 'intrinsicNotAllowed', node, data: { field } });
      return;
    }
    const masked = replacePlaceholders(value, (m) => PLACEHOLDER_MASK.repeat(m.length));
    const problem = checkIntrinsic(masked);
    if (problem) reportProblem(problem, 'invalidIntrinsic', field, node, ctx);
    return;
  }
  if (hasPlaceholder(value)) return; // the deployment tool writes the path
  const pathKind = kind === 'path-or-intrinsic-any' ? 'path' : PATH_KINDS[kind] ?? 'path';
  const problem = checkPath(value, pathKind);
  if (problem) reportProblem(problem, 'invalidPath', field, node, ctx);
}

function reportProblem(problem: ExpressionProblem, messageId: string, field: string, node: AstNode, ctx: StateRuleContext): void {
  const range = rangeInNode(ctx, node, problem.start, problem.end);
  if (problem.unknownFunction) {
    // Compare the part after "States." so a short name is not "close" to every other one.
    const names = Object.keys(INTRINSIC_FUNCTIONS).map((n) => n.slice('States.'.length));
    const near = closestName(problem.unknownFunction.slice('States.'.length), names);
    const suggestion = near && `States.${near}`;
    ctx.report({ messageId: 'unknownIntrinsic', node, range, data: { name: problem.unknownFunction, suggestion: suggestion ? `; did you mean "${suggestion}"?` : '.' } });
    return;
  }
  // An intrinsic's error may quote its string arguments; a path's quotes only the path.
  const detail = messageId === 'invalidIntrinsic' ? maskQuoted(problem.message) : problem.message;
  ctx.report({ messageId, node, range, data: { field, detail } });
}

function checkJsonataState(stateNode: AstNode, ctx: StateRuleContext): void {
  forEachEvaluated(stateNode, (key, node, field) => {
    // A Comment of a retrier, catcher or Choice rule is text; a "Comment" key inside data is data.
    if (node.type !== 'string' || node.bare || (key === 'Comment' && !DATA_FIELDS.has(field))) return;
    const value = node.value as string;
    if (!value.trimStart().startsWith('{%')) return;
    const label = key ?? field;
    if (!isJsonata(value)) {
      ctx.report({ messageId: 'unterminatedJsonata', node, severity: 'warning' });
      return;
    }
    const body = jsonataBody(value);
    if (!body) return;
    const parsed = parseJsonata(maskPlaceholdersForJsonata(body.body));
    if (parsed.error) {
      const { start, end } = errorSpan(body.body, parsed.error);
      const detail = maskQuoted(parsed.error.message.replace(/\s+/g, ' '));
      ctx.report({ messageId: 'invalidJsonata', node, range: rangeInNode(ctx, node, body.start + start, body.start + end), data: { field: label, detail } });
      return;
    }
    if (!parsed.ast) return;
    for (const p of jsonataProblems(parsed.ast)) {
      const messageId = p.kind === 'top-level-name' ? 'jsonataTopLevelReference' : p.kind === 'context-item' ? 'jsonataContextItem' : 'jsonataUnsupportedFunction';
      ctx.report({ messageId, node, range: rangeInNode(ctx, node, body.start + p.start, body.start + p.end), data: { name: p.name } });
    }
  });
}

/** `rangeInValue` reading only the node's own text (ctx.text may be pieces, not one string). */
function rangeInNode(ctx: StateRuleContext, node: AstNode, start: number, end: number): OffsetRange {
  const own: AstNode = { type: node.type, value: node.value, offset: 0, length: node.length };
  const range = rangeInValue(ctx.text.slice(node.offset, node.offset + node.length), own, start, end);
  return { offset: node.offset + range.offset, length: range.length };
}

/** The characters a JSONata syntax error is about; "end of expression" errors point at the last character. */
function errorSpan(body: string, error: { position: number; token?: string }): { start: number; end: number } {
  if (error.token === undefined || error.token === '(end)') {
    const last = Math.max(0, body.trimEnd().length - 1);
    return { start: last, end: last + 1 };
  }
  const start = Math.min(error.position, Math.max(0, body.length - 1));
  return { start, end: Math.min(body.length, start + Math.max(1, String(error.token).length)) };
}

/**
 * Every value a state evaluates, with the key above it (undefined for array items): objects
 * and arrays too, not only scalars. Nested states, comments and a Pass state's literal Result
 * are left out. Iterative, so deep payloads cannot overflow the stack.
 */
function forEachEvaluated(stateNode: AstNode, visit: (key: string | undefined, node: AstNode, field: string) => void): void {
  for (const prop of propertiesOf(stateNode)) {
    const field = keyOf(prop);
    if (NOT_EVALUATED.has(field) || !prop.children[1]) continue;
    // Two parallel stacks rather than one of {key, node} pairs: no object per visited node.
    const keys: (string | undefined)[] = [field];
    const nodes: AstNode[] = [prop.children[1]];
    while (nodes.length) {
      const node = nodes.pop()!;
      const key = keys.pop();
      visit(key, node, field);
      if (isObject(node)) {
        for (const p of propertiesOf(node)) {
          if (!p.children[1]) continue;
          keys.push(keyOf(p));
          nodes.push(p.children[1]);
        }
      } else if (isArray(node)) {
        for (const child of node.children) {
          keys.push(undefined);
          nodes.push(child);
        }
      }
    }
  }
}
