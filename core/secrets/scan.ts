// Walking a state for the secret rules: which key a value really sits under (DynamoDB `{"S": ...}`
// wrappers), the payload-like nodes beyond the standard fields, the non-payload fields (scanned
// for known formats only), and the literals that end up inside a built value.
import { isArray, isObject, keyOf, propertiesOf, valueOf, type AstNode } from '../parse/ast';
import { forEachPayloadValue, PAYLOAD_FIELDS, walkScalars, type PayloadValue } from '../model/payload';
import { baseKey, isIntrinsic, isJsonata } from '../model/values';
import type { State } from '../model/types';
import { lastStateMemo } from '../model/derived';
import { CHILD_SCOPES, forEachOwnObject } from '../model/own-objects';
import { intrinsicLiterals, jsonataAst, looseJsonataLiterals } from './expressions';
import type { JsonataNode } from '../expressions/jsonata';

/** Keys that wrap a value without naming it: DynamoDB `S`, message attribute `StringValue`. */
const WRAPPER_KEYS = new Set(['S', 'Value', 'value', 'StringValue', 'stringValue', 'Data']);

/**
 * The key that names a payload value: its own key, or the parent's when the own key is a
 * wrapper (`{"password": {"S": "..."}}` -> `password`). `.$` is stripped.
 */
export function effectiveKey(path: readonly string[]): string | undefined {
  const own = path[path.length - 1];
  if (own === undefined || /^\d+$/.test(own)) return undefined;
  const key = baseKey(own);
  const parent = path[path.length - 2];
  if (WRAPPER_KEYS.has(key) && parent !== undefined && !/^\d+$/.test(parent)) return baseKey(parent);
  return key;
}

/** `Parameters` + `['Headers', 'Authorization.$']` -> `Parameters.Headers.Authorization`. */
export function describePath(field: string, path: readonly string[]): string {
  return [field, ...path.map((p) => (/^\d+$/.test(p) ? `[${p}]` : baseKey(p)))].join('.').replace(/\.\[/g, '[');
}

/** Payload-like nodes outside the standard fields: ItemReader/ResultWriter arguments, Credentials, ItemBatcher.BatchInput. */
function extraPayloadRoots(state: State): { field: string; node: AstNode }[] {
  const out: { field: string; node: AstNode }[] = [];
  for (const owner of ['ItemReader', 'ResultWriter']) {
    for (const f of ['Parameters', 'Arguments']) {
      const node = valueOf(valueOf(state.node, owner), f);
      if (node) out.push({ field: `${owner}.${f}`, node });
    }
  }
  // AWS allows only RoleArn here; other engines (floe) keep named secrets in it.
  const credentials = valueOf(state.node, 'Credentials');
  if (isObject(credentials)) out.push({ field: 'Credentials', node: credentials });
  const batch = valueOf(valueOf(state.node, 'ItemBatcher'), 'BatchInput');
  if (batch) out.push({ field: 'ItemBatcher.BatchInput', node: batch });
  return out;
}

/** Every scalar a state sends or keeps as data: the payload fields, catchers, and payload-like nodes. */
export function forEachDataValue(state: State, visit: (value: PayloadValue) => void): void {
  for (const value of dataValues(state, state.node)) visit(value);
}

const dataValues = lastStateMemo((state: State) => {
  const out: PayloadValue[] = [];
  const push = (value: PayloadValue) => out.push(value);
  forEachPayloadValue(state, push);
  for (const { field, node } of extraPayloadRoots(state)) walkScalars(node, field, push);
  return out;
});


/**
 * Every property key of the state, its own name first, without nested states (they are visited as
 * states of their own): a key can be a credential as much as a value can.
 */
export function forEachKey(state: State, visit: (keyNode: AstNode, key: string) => void): void {
  const own = state.node.parent?.children?.[0];
  if (own) visit(own, state.name);
  forEachKeyIn(state.node, false, visit);
}

/**
 * Every property key under `root`, without the states of any scope: the `States` of `root` itself
 * when `rootIsScope` (the document root), of its branches and processors when it is a state.
 */
export function forEachKeyIn(root: AstNode, rootIsScope: boolean, visit: (keyNode: AstNode, key: string) => void): void {
  forEachOwnObject(root, rootIsScope, (object, statesMap) => {
    if (!statesMap) for (const prop of propertiesOf(object)) visit(prop.children[0], keyOf(prop));
  });
}

const DATA_FIELDS = new Set<string>([...PAYLOAD_FIELDS, 'ItemReader', 'ResultWriter', 'ItemBatcher', 'Credentials']);

/**
 * Every other scalar of the state (Comment, Choice rules, Fail Cause, catcher fields ...), without
 * the data fields above and without nested states (they are visited as states of their own).
 */
export function forEachOtherValue(state: State, visit: (value: PayloadValue) => void): void {
  for (const value of otherValuesOf(state, state.node)) visit(value);
}

const otherValuesOf = lastStateMemo(otherValues);

function otherValues(state: State): PayloadValue[] {
  const out: PayloadValue[] = [];
  const push = (value: PayloadValue) => out.push(value);
  for (const prop of propertiesOf(state.node)) {
    const key = keyOf(prop);
    const node = prop.children[1];
    if (!node || DATA_FIELDS.has(key)) continue;
    if (CHILD_SCOPES.has(key)) {
      // A branch's or processor's own fields (StartAt, ProcessorConfig ...); its states are states of their own.
      for (const scope of isArray(node) ? node.children : [node]) {
        for (const p of propertiesOf(scope)) if (keyOf(p) !== 'States' && p.children[1]) walkScalars(p.children[1], `${key}.${keyOf(p)}`, push);
      }
      continue;
    }
    if (key === 'Catch' && isArray(node)) {
      for (const catcher of node.children) {
        for (const p of propertiesOf(catcher)) {
          const k = keyOf(p);
          if (k !== 'Output' && k !== 'Assign' && p.children[1]) walkScalars(p.children[1], `Catch.${k}`, push);
        }
      }
      continue;
    }
    if (isObject(node) || isArray(node)) walkScalars(node, key, push);
    else push({ field: key, path: [], key, keyNode: prop.children[0], node });
  }
  return out;
}

/**
 * The literals that become part of the value itself: the plain value, the quoted arguments of an
 * intrinsic, or the string operands of a JSONata string / `&` concatenation. Literals used as
 * lookup names or filters elsewhere in an expression are not part of the value.
 */
export function builtLiterals(value: string, dynamicKey: boolean): string[] {
  if (isJsonata(value)) {
    const ast = jsonataAst(value);
    return ast ? concatOperands(ast) : looseJsonataLiterals(value);
  }
  if (dynamicKey) return isIntrinsic(value) ? intrinsicLiterals(value) : [];
  return [value];
}

function concatOperands(node: JsonataNode): string[] {
  if (node.type === 'string' && typeof node.value === 'string') return [node.value];
  if (node.type === 'binary' && node.value === '&') return [...concatOperands(node.lhs as JsonataNode), ...concatOperands(node.rhs as JsonataNode)];
  if (node.type === 'block' && Array.isArray(node.expressions) && node.expressions.length === 1) return concatOperands(node.expressions[0] as JsonataNode);
  return [];
}
