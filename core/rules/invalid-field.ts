// ASL006: fields a state (or the top level, a branch, a processor) does not accept, fields of the
// other query language, an invalid or missing Type, and values of the wrong kind. The field
// knowledge is data in core/model/fields.ts.
import { isObject, keyOf, propertiesOf, propertyOf, stringOf, valueOf, type AstNode } from '../parse/ast';
import { ALL_STATE_FIELDS, BRANCH_FIELDS, EXCLUSIVE_FIELDS, FIELDS_BY_TYPE, PROCESSOR_FIELDS, REQUIRED_BY_TYPE, ROOT_FIELDS, STATE_FIELDS, type FieldInfo } from '../model/fields';
import { STATE_TYPES, type Scope, type State } from '../model/types';
import { defineRule, type RuleContext } from './define-rule';
import { checkExclusive, checkFields, isOpaque, keyProblem, unknownField, type FieldContext } from './utils/field-checks';
import { checkChoices, checkCredentials, checkErrorHandlers, checkHeartbeat, checkMapParts, misspelled, objectArray, reportDynamicKeys } from './utils/state-checks';
import { closestName } from './utils/closest-name';
import { forEachOwnObject } from '../model/own-objects';
import { shadowedProperties } from '../model/duplicate-keys';

// StartAt, States, Next and Default values are ASL002's and ASL003's to report; Type is checked apart.
const ROOT_TABLE: Record<string, FieldInfo> = {
  StartAt: { description: 'The first state.', value: 'any' },
  States: { description: 'The states.', value: 'any' },
  Comment: STATE_FIELDS.Comment,
  Version: { description: 'The ASL version ("1.0").', value: 'string' },
  TimeoutSeconds: STATE_FIELDS.TimeoutSeconds,
  QueryLanguage: STATE_FIELDS.QueryLanguage,
};
const STATE_TABLE: Record<string, FieldInfo> = {
  ...STATE_FIELDS,
  Type: { ...STATE_FIELDS.Type, value: 'any', values: undefined },
  Next: { ...STATE_FIELDS.Next, value: 'any' },
  Default: { ...STATE_FIELDS.Default, value: 'any' },
  // Arrays with their own checks (objectArray) report their shape once, there.
  Retry: { ...STATE_FIELDS.Retry, value: 'any' },
  Catch: { ...STATE_FIELDS.Catch, value: 'any' },
  Choices: { ...STATE_FIELDS.Choices, value: 'any' },
  Branches: { ...STATE_FIELDS.Branches, value: 'any' },
};
const KIND_NAMES: Record<string, string> = { string: 'a string', array: 'an array', number: 'a number', boolean: 'true or false', null: 'null' };

export default defineRule({
  code: 'ASL006',
  name: 'invalid-field',
  title: 'Unknown or misplaced field',
  description: 'A field that the state type does not accept, a field of the other query language, a wrong value type, or an invalid Type.',
  category: 'correctness',
  severity: 'error',
  messages: {
    unknownField: '"{{field}}" is not a field of {{where}}{{suggestion}}',
    misplacedField: '"{{field}}" is not allowed in {{where}}.',
    jsonPathOnly: '"{{field}}" is a JSONPath field; it cannot be used in {{where}} that uses JSONata{{instead}}.',
    jsonataOnly: '"{{field}}" is a JSONata field; it cannot be used in {{where}} that uses JSONPath. Set "QueryLanguage": "JSONata"{{instead}}.',
    rootNotObject: 'A state machine definition is an object with "StartAt" and "States", not {{kind}}.',
    stateNotObject: '"{{name}}" in "States" is not a state: a state is an object{{hint}}',
    dynamicKeyInJsonata: '"{{key}}" ends in ".$", which JSONata states do not evaluate; name it "{{base}}" and write the value as "{% ... %}".',
    missingType: 'State "{{name}}" has no "Type".',
    invalidType: '"{{value}}" is not a state type{{suggestion}}',
    missingField: '{{where}} needs "{{field}}".',
    missingOneOf: '{{where}} needs {{fields}}.',
    exclusive: '"{{field}}" cannot be used together with "{{other}}".',
    invalidValue: '"{{field}}" must be {{expected}}.',
    invalidEnum: '"{{value}}" is not a valid "{{field}}"; use {{values}}.',
    heartbeatTooLong: 'HeartbeatSeconds ({{heartbeat}}) must be less than TimeoutSeconds ({{timeout}}).',
    statesAllNotAlone: '"States.ALL" must be the only error name in its ErrorEquals.',
    statesAllNotLast: 'The {{kind}} with "States.ALL" must be the last one.',
    jsonPathUnderJsonata: 'A state cannot use JSONPath when the state machine uses JSONata; remove this "QueryLanguage" or set JSONPath at the top level.',
    queryLanguageInScope: '"QueryLanguage" cannot be set on {{where}}; its states inherit the top-level language. Set it on each state instead.',
    missingOperator: 'This Choice rule has no comparison; add one such as "StringEquals", or combine rules with "And", "Or" or "Not".',
    extraOperator: 'A Choice rule takes one comparison; "{{field}}" is a second one (combine them with "And").',
    nestedNext: '"Next" belongs on top-level Choice rules only, not on a rule inside "And", "Or" or "Not".',
    duplicateKey: '"{{key}}" is written again later in this object. Step Functions rejects duplicate keys, and tools disagree on which one counts (ASL Guard, like JSON.parse, reads the last): remove or rename this one.',
  },
  checkDocument(ctx) {
    const model = ctx.model;
    const root = ctx.parsed.root;
    if (!model) {
      if (root) ctx.report({ messageId: 'rootNotObject', node: root, range: { offset: root.offset, length: Math.min(root.length, 1) }, data: { kind: KIND_NAMES[root.type] ?? root.type } });
      return;
    }
    const fieldCtx = contextFor(ctx, model.queryLanguage);
    reportDuplicateKeys(model.root, true, fieldCtx);
    checkFields(model.root, ROOT_TABLE, ROOT_FIELDS, 'the top level', fieldCtx);
    checkScope(model.scope, fieldCtx);
  },
  // A state's nested scopes (branches, processors) are checked with the state, so an edit inside it
  // re-checks them without re-running the document part.
  documentReadsStructureOnly: true,
  checkState(state, ctx) {
    reportDuplicateKeys(state.node, false, contextFor(ctx, state.queryLanguage));
    if (state.children.length) {
      const scopeCtx = contextFor(ctx, ctx.model.queryLanguage);
      for (const scope of state.children) checkScope(scope, scopeCtx);
    }
    const fieldCtx = contextFor(ctx, state.queryLanguage);
    if (!checkType(state, fieldCtx) || !state.type) return;
    const type = state.type;
    const where = `a ${type} state`;
    checkFields(state.node, STATE_TABLE, FIELDS_BY_TYPE[type], where, fieldCtx, ALL_STATE_FIELDS);
    checkExclusive(state.node, EXCLUSIVE_FIELDS, fieldCtx);
    for (const field of REQUIRED_BY_TYPE[type] ?? []) {
      if (!propertyOf(state.node, field) && !misspelled(state.node, field)) fieldCtx.emit({ node: state.node, range: rangeOf(state.keyNode), messageId: 'missingField', data: { where: `A ${type} state`, field } });
    }
    checkQueryLanguage(state, ctx, fieldCtx);
    if (propertyOf(state.node, 'Retry')) checkErrorHandlers(state.node, 'Retry', fieldCtx);
    if (propertyOf(state.node, 'Catch')) checkErrorHandlers(state.node, 'Catch', fieldCtx);
    if (type === 'Task') {
      checkCredentials(state.node, fieldCtx);
      checkHeartbeat(state.node, fieldCtx);
    } else if (type === 'Choice') {
      checkChoices(state.node, fieldCtx);
    } else if (type === 'Wait') {
      const options = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];
      if (!options.some((f) => propertyOf(state.node, f))) {
        fieldCtx.emit({ node: state.node, range: rangeOf(state.keyNode), messageId: 'missingOneOf', data: { where: 'A Wait state', fields: 'one of "Seconds", "Timestamp", "SecondsPath" or "TimestampPath"' } });
      }
    } else if (type === 'Parallel') {
      objectArray(state.node, 'Branches', fieldCtx, 'branch objects', true);
    } else if (type === 'Map') {
      checkMapParts(state.node, fieldCtx);
    }
    if (state.queryLanguage === 'JSONata') reportDynamicKeys(state.node, fieldCtx);
  },
});

/** Entries of a scope's `States` that are not states, and (for a branch or processor) fields it cannot have. */
function checkScope(scope: Scope, fieldCtx: FieldContext): void {
  for (const prop of propertiesOf(scope.statesNode)) {
    const value = prop.children[1];
    if (!value || isObject(value) || isOpaque(value)) continue;
    const name = keyOf(prop);
    const hint = scope.kind === 'root' && ROOT_FIELDS.includes(name) ? `; "${name}" belongs at the top level, next to "States".` : '.';
    fieldCtx.emit(keyProblem(prop, 'stateNotObject', { name, hint }));
  }
  if (scope.kind === 'root') return;
  const where = scope.kind === 'branch' ? 'a Parallel branch' : scope.kind === 'item-processor' ? 'an ItemProcessor' : 'an Iterator';
  const allowed = scope.kind === 'branch' ? BRANCH_FIELDS : PROCESSOR_FIELDS;
  for (const prop of propertiesOf(scope.node)) {
    const key = keyOf(prop);
    if (allowed.includes(key) || key.includes('${')) continue;
    fieldCtx.emit(key === 'QueryLanguage' ? keyProblem(prop, 'queryLanguageInScope', { where }) : unknownField(prop, key, allowed, where));
  }
}

/** Every key written twice in an object of the document's top level (`isRoot`) or of a state, at the earlier ones. */
function reportDuplicateKeys(node: AstNode, isRoot: boolean, fieldCtx: FieldContext): void {
  forEachOwnObject(node, isRoot, (object) => {
    for (const prop of shadowedProperties(object)) fieldCtx.emit(keyProblem(prop, 'duplicateKey', { key: keyOf(prop) }));
  });
}

function contextFor(ctx: RuleContext, language: FieldContext['language']): FieldContext {
  return {
    language,
    emit: (p) => ctx.report({ messageId: p.messageId, node: p.node, range: p.range, data: p.data }),
  };
}

function rangeOf(node: AstNode): { offset: number; length: number } {
  return { offset: node.offset, length: node.length };
}

/** Type must be present and one of the eight state types. Returns false when the state cannot be checked further. */
function checkType(state: State, ctx: FieldContext): boolean {
  const node = valueOf(state.node, 'Type');
  if (!node) {
    ctx.emit({ node: state.node, range: rangeOf(state.keyNode), messageId: 'missingType', data: { name: state.name } });
    return false;
  }
  if (isOpaque(node)) return false;
  const value = stringOf(node);
  if (value === undefined) {
    ctx.emit({ node, messageId: 'invalidValue', data: { field: 'Type', expected: `one of ${STATE_TYPES.map((t) => `"${t}"`).join(', ')}` } });
    return false;
  }
  if (!state.type) {
    const suggestion = closestName(value, STATE_TYPES);
    ctx.emit({ node, messageId: 'invalidType', data: { value, suggestion: suggestion ? `; did you mean "${suggestion}"?` : `; use one of ${STATE_TYPES.join(', ')}.` } });
    return false;
  }
  return true;
}

/** A state may choose JSONata under a JSONPath machine, never JSONPath under a JSONata one. */
function checkQueryLanguage(state: State, ctx: RuleContext, fieldCtx: FieldContext): void {
  const node = valueOf(state.node, 'QueryLanguage');
  if (ctx.model?.queryLanguage === 'JSONata' && stringOf(node) === 'JSONPath') fieldCtx.emit({ node: node!, messageId: 'jsonPathUnderJsonata' });
}
