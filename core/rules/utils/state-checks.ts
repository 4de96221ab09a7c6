// The parts of states that have their own shape: Retry and Catch arrays, Choice rules, Map
// processors and readers, Parallel branches. Used by ASL006 (invalid-field).
import { isArray, isObject, keyOf, propertiesOf, propertyOf, stringOf, valueOf, type AstNode } from '../../parse/ast';
import { CHOICE_COMBINATORS, CHOICE_RULE_FIELDS, COMPARISON_OPERATORS, OBJECT_FIELDS, STATE_FIELDS, type FieldInfo, type ValueKind } from '../../model/fields';
import { isDynamicKey } from '../../model/values';
import { closestName } from './closest-name';
import { anchorOf, checkFields, checkValue, isOpaque, keyProblem, languageProblem, unknownField, valueFits, type FieldContext } from './field-checks';

const keysOf = (table: Readonly<Record<string, FieldInfo>>) => Object.keys(table);

/** Checks that `field` of `obj` holds an array of objects (non-empty when asked); returns the objects. */
export function objectArray(obj: AstNode, field: string, ctx: FieldContext, what: string, nonEmpty = false): AstNode[] {
  const node = valueOf(obj, field);
  if (!node || isOpaque(node)) return [];
  if (!isArray(node) || (nonEmpty && node.children.length === 0)) {
    ctx.emit({ messageId: 'invalidValue', node, data: { field, expected: `${nonEmpty ? 'a non-empty' : 'an'} array of ${what}` } });
    return [];
  }
  const out: AstNode[] = [];
  for (const item of node.children) {
    if (isObject(item)) out.push(item);
    else if (!isOpaque(item)) ctx.emit({ messageId: 'invalidValue', node: item, data: { field, expected: `an array of ${what}` } });
  }
  return out;
}

/** Retry or Catch: field names, ErrorEquals, Next, and `States.ALL` alone and last. */
export function checkErrorHandlers(state: AstNode, field: 'Retry' | 'Catch', ctx: FieldContext): void {
  const kind = field === 'Retry' ? 'retrier' : 'catcher';
  const table = OBJECT_FIELDS[field === 'Retry' ? 'Retrier' : 'Catcher'];
  const handlers = objectArray(state, field, ctx, `${kind} objects`);
  handlers.forEach((handler, index) => {
    checkFields(handler, table, keysOf(table), `a ${kind}`, ctx);
    const required = field === 'Retry' ? ['ErrorEquals'] : ['ErrorEquals', 'Next'];
    for (const name of required) if (!propertyOf(handler, name)) ctx.emit({ ...anchorOf(handler), messageId: 'missingField', data: { where: `A ${kind}`, field: name } });
    const backoff = valueOf(handler, 'BackoffRate');
    if (backoff?.type === 'number' && backoff.value < 1) ctx.emit({ messageId: 'invalidValue', node: backoff, data: { field: 'BackoffRate', expected: 'a number of at least 1' } });
    const errors = valueOf(handler, 'ErrorEquals');
    if (!errors || isOpaque(errors)) return;
    if (!isArray(errors) || errors.children.length === 0) {
      ctx.emit({ messageId: 'invalidValue', node: errors, data: { field: 'ErrorEquals', expected: 'a non-empty array of error names' } });
      return;
    }
    for (const item of errors.children) {
      if (item.type !== 'string' && !isOpaque(item)) ctx.emit({ messageId: 'invalidValue', node: item, data: { field: 'ErrorEquals', expected: 'an array of error names (strings)' } });
    }
    const all = errors.children.find((e) => e.value === 'States.ALL');
    if (!all) return;
    if (errors.children.length > 1) ctx.emit({ messageId: 'statesAllNotAlone', node: all });
    if (index < handlers.length - 1) ctx.emit({ messageId: 'statesAllNotLast', node: all, data: { kind } });
  });
}

/** Choices: a non-empty array of rules, each with Next; JSONPath rules compare, JSONata rules have a Condition. */
export function checkChoices(state: AstNode, ctx: FieldContext): void {
  for (const rule of objectArray(state, 'Choices', ctx, 'Choice rules', true)) {
    checkRule(rule, true, ctx);
  }
}

function checkRule(root: AstNode, top: boolean, ctx: FieldContext): void {
  // Nested And/Or/Not rules are walked with a work list: hostile input may nest them deeply.
  const work: { rule: AstNode; top: boolean }[] = [{ rule: root, top }];
  while (work.length) {
    const { rule, top: isTop } = work.pop()!;
    const operators: AstNode[] = [];
    let explained = false; // an unknown or other-language key already tells what is wrong
    for (const prop of propertiesOf(rule)) {
      const key = keyOf(prop);
      const value = prop.children[1];
      const info = CHOICE_RULE_FIELDS[key];
      const operator: ValueKind | 'combinator' | undefined = CHOICE_COMBINATORS.includes(key) ? 'combinator' : (COMPARISON_OPERATORS as Partial<Record<string, ValueKind>>)[key];
      if (info) {
        if (info.language && info.language !== ctx.language) {
          ctx.emit(languageProblem(prop, key, info, 'a Choice rule', ctx.language));
          explained = true;
        }
        else if (key === 'Next' && !isTop) ctx.emit(keyProblem(prop, 'nestedNext', {}));
        else if (value) checkValue(value, key, info, ctx);
      } else if (operator) {
        if (ctx.language === 'JSONata') {
          ctx.emit(keyProblem(prop, 'jsonPathOnly', { field: key, where: 'a Choice rule', instead: '; use "Condition" instead' }));
          explained = true;
          continue;
        }
        operators.push(prop);
        if (operator === 'combinator') {
          if (key === 'Not') {
            if (isObject(value)) work.push({ rule: value, top: false });
            else if (!isOpaque(value)) ctx.emit({ messageId: 'invalidValue', node: value ?? prop, data: { field: key, expected: 'a Choice rule object' } });
          } else {
            for (const nested of objectArray(rule, key, ctx, 'Choice rules', true)) work.push({ rule: nested, top: false });
          }
        } else if (value && !valueFits(value, operator, ctx.language)) {
          ctx.emit({ messageId: 'invalidValue', node: value, data: { field: key, expected: operator === 'path' ? 'a path string' : operator === 'timestamp' ? 'an RFC 3339 timestamp' : `a ${operator}` } });
        }
      } else if (!key.includes('${')) {
        ctx.emit(unknownField(prop, key, [...keysOf(CHOICE_RULE_FIELDS), ...Object.keys(COMPARISON_OPERATORS), ...CHOICE_COMBINATORS], 'a Choice rule'));
        explained = true;
      }
    }
    if (isTop && !propertyOf(rule, 'Next')) ctx.emit({ ...anchorOf(rule), messageId: 'missingField', data: { where: 'A Choice rule', field: 'Next' } });
    if (ctx.language === 'JSONata') {
      if (!propertyOf(rule, 'Condition') && !explained) ctx.emit({ ...anchorOf(rule), messageId: 'missingField', data: { where: 'A JSONata Choice rule', field: 'Condition' } });
      continue;
    }
    if (operators.length === 0 && !explained) ctx.emit({ ...anchorOf(rule), messageId: 'missingOperator' });
    for (const extra of operators.slice(1)) ctx.emit(keyProblem(extra, 'extraOperator', { field: keyOf(extra) }));
    const op = operators[0] && keyOf(operators[0]);
    if (op && !CHOICE_COMBINATORS.includes(op) && !propertyOf(rule, 'Variable')) {
      ctx.emit({ ...anchorOf(rule), messageId: 'missingField', data: { where: `A Choice rule with "${op}"`, field: 'Variable' } });
    }
  }
}

/** Map: ItemProcessor (or Iterator) with ProcessorConfig, ItemReader, ItemBatcher, ResultWriter. */
export function checkMapParts(state: AstNode, ctx: FieldContext): void {
  if (!propertyOf(state, 'ItemProcessor') && !propertyOf(state, 'Iterator')) {
    ctx.emit({ ...anchorOf(state), messageId: 'missingOneOf', data: { where: 'A Map state', fields: '"ItemProcessor" or "Iterator"' } });
  }
  const config = valueOf(valueOf(state, 'ItemProcessor') ?? valueOf(state, 'Iterator'), 'ProcessorConfig');
  if (isObject(config)) checkFields(config, OBJECT_FIELDS.ProcessorConfig, keysOf(OBJECT_FIELDS.ProcessorConfig), 'ProcessorConfig', ctx);
  else if (config && !isOpaque(config)) ctx.emit({ messageId: 'invalidValue', node: config, data: { field: 'ProcessorConfig', expected: 'an object' } });
  for (const part of ['ItemReader', 'ItemBatcher', 'ResultWriter'] as const) {
    const node = valueOf(state, part);
    if (!isObject(node)) continue;
    checkFields(node, OBJECT_FIELDS[part], keysOf(OBJECT_FIELDS[part]), part, ctx);
    if (part !== 'ItemBatcher' && !propertyOf(node, 'Resource')) ctx.emit({ ...anchorOf(node), messageId: 'missingField', data: { where: part, field: 'Resource' } });
  }
  const selector = valueOf(state, 'ItemSelector');
  if (selector && ctx.language === 'JSONPath' && !isObject(selector) && !isOpaque(selector)) {
    ctx.emit({ messageId: 'invalidValue', node: selector, data: { field: 'ItemSelector', expected: 'an object' } });
  }
  const items = valueOf(state, 'Items');
  if (items && ctx.language === 'JSONata' && !isArray(items) && !isOpaque(items) && !(items.type === 'string' && stringOf(items)!.trim().startsWith('{%'))) {
    ctx.emit({ messageId: 'invalidValue', node: items, data: { field: 'Items', expected: 'an array or a JSONata expression' } });
  }
}

/** Credentials: only RoleArn (or `RoleArn.$` in JSONPath). */
export function checkCredentials(state: AstNode, ctx: FieldContext): void {
  const credentials = valueOf(state, 'Credentials');
  for (const prop of propertiesOf(credentials)) {
    const key = keyOf(prop);
    if (key === 'RoleArn' || key === 'RoleArn.$' || key.includes('${')) continue;
    ctx.emit(unknownField(prop, key, ['RoleArn'], 'Credentials'));
  }
}

/** Subtrees that hold other states (checked as those states) or free-form data. */
const NOT_STATE_DATA = new Set(['Branches', 'ItemProcessor', 'Iterator', 'Comment', 'Result']);

/** HeartbeatSeconds must be less than TimeoutSeconds. */
export function checkHeartbeat(node: AstNode, ctx: FieldContext): void {
  const heartbeat = valueOf(node, 'HeartbeatSeconds');
  const timeout = valueOf(node, 'TimeoutSeconds');
  if (heartbeat?.type === 'number' && timeout?.type === 'number' && timeout.value > 0 && heartbeat.value >= timeout.value) {
    ctx.emit({ node: heartbeat, messageId: 'heartbeatTooLong', data: { heartbeat: heartbeat.value, timeout: timeout.value } });
  }
}

/** True when a key of `obj` is a typo of `field` (then "unknownField" already says so). */
export function misspelled(obj: AstNode, field: string): boolean {
  return propertiesOf(obj).some((p) => closestName(keyOf(p), [field]) === field);
}

/**
 * Keys ending in `.$` anywhere in a JSONata state's data (not in nested states, nor under a
 * JSONPath-only field, which is reported as a whole).
 */
export function reportDynamicKeys(stateNode: AstNode, ctx: FieldContext): void {
  const stack: AstNode[] = [];
  for (const prop of propertiesOf(stateNode)) {
    const key = keyOf(prop);
    if (!NOT_STATE_DATA.has(key) && STATE_FIELDS[key]?.language !== 'JSONPath' && prop.children[1]) stack.push(prop.children[1]);
  }
  while (stack.length) {
    const node = stack.pop()!;
    if (isObject(node)) {
      for (const prop of propertiesOf(node)) {
        const key = keyOf(prop);
        if (isDynamicKey(key)) ctx.emit(keyProblem(prop, 'dynamicKeyInJsonata', { key, base: key.slice(0, -2) }));
        if (prop.children[1]) stack.push(prop.children[1]);
      }
    } else if (node.children) {
      for (const child of node.children) stack.push(child);
    }
  }
}
