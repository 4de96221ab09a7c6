// Generic checks of an object's fields against a table from core/model/fields.ts: unknown keys
// (with "did you mean"), fields of the other query language, and value kinds. Deploy-time
// placeholders pass every check; JSONata `{% %}` strings pass value checks in JSONata states.
import { isArray, isObject, keyNodeOf, keyOf, propertiesOf, type AstNode, type OffsetRange } from '../../parse/ast';
import { hasPlaceholder, isJsonata } from '../../model/values';
import type { FieldInfo, ValueKind } from '../../model/fields';
import type { QueryLanguage } from '../../model/types';
import { closestName } from './closest-name';

/** One ASL006 problem, reported by the rule. */
export interface FieldProblem {
  messageId: string;
  node: AstNode;
  data?: Record<string, string | number>;
  range?: OffsetRange;
}

/** What the checks need to know about the place they run in. */
export interface FieldContext {
  language: QueryLanguage;
  emit(problem: FieldProblem): void;
}

/** A value that only a deployment tool fills in: `${Name}` (quoted or bare). */
export function isOpaque(node: AstNode | undefined): boolean {
  return !!node && (node.bare === true || (node.type === 'string' && hasPlaceholder(node.value as string)));
}

/** Where to point for something missing from an object: its key, else its first key, else its `{`. */
export function anchorOf(obj: AstNode): { node: AstNode; range: OffsetRange } {
  const key = keyNodeOf(obj) ?? propertiesOf(obj)[0]?.children[0];
  return { node: obj, range: key ? { offset: key.offset, length: key.length } : { offset: obj.offset, length: 1 } };
}

/** The key node of a property, with the property's value as the pointer anchor. */
export function keyProblem(prop: AstNode, messageId: string, data: Record<string, string | number>): FieldProblem {
  const key = prop.children![0];
  return { messageId, node: prop.children![1] ?? key, data, range: { offset: key.offset, length: key.length } };
}

/**
 * Checks the keys of `obj` against `table` (the allowed fields) and the values of the known
 * ones. `known` names fields that exist elsewhere (reported as misplaced instead of unknown).
 * Returns the properties whose key is allowed.
 */
export function checkFields(obj: AstNode, table: Readonly<Record<string, FieldInfo>>, allowed: readonly string[], where: string, ctx: FieldContext, known?: ReadonlySet<string>): AstNode[] {
  const ok: AstNode[] = [];
  for (const prop of propertiesOf(obj)) {
    const key = keyOf(prop);
    if (hasPlaceholder(key)) continue;
    const info = table[key];
    if (!allowed.includes(key) || !info) {
      if (known?.has(key)) ctx.emit(keyProblem(prop, 'misplacedField', { field: key, where }));
      else ctx.emit(unknownField(prop, key, allowed, where));
      continue;
    }
    if (info.language && info.language !== ctx.language) {
      ctx.emit(languageProblem(prop, key, info, where, ctx.language, allowed));
      continue;
    }
    ok.push(prop);
    const value = prop.children[1];
    if (value) checkValue(value, key, info, ctx);
  }
  return ok;
}

/** `"Resorce" is not a field of a Task state; did you mean "Resource"?` */
export function unknownField(prop: AstNode, key: string, allowed: readonly string[], where: string): FieldProblem {
  const base = key.endsWith('.$') ? key.slice(0, -2) : key;
  const suggestion = closestName(base, allowed) ?? (allowed.includes(`${base}Path`) ? `${base}Path` : undefined);
  return keyProblem(prop, 'unknownField', { field: key, where, suggestion: suggestion ? `; did you mean "${suggestion}"?` : '.' });
}

/**
 * A field of the other query language, with the field that does its job in this one (when
 * `allowed`, the fields of this place, includes it; JSONata's `Output` stands in for the
 * JSONPath output fields).
 */
export function languageProblem(prop: AstNode, key: string, info: FieldInfo, where: string, language: QueryLanguage, allowed?: readonly string[]): FieldProblem {
  const candidates = info.language === 'JSONPath' ? [info.counterpart, 'Output'] : [info.counterpart];
  const counterpart = candidates.find((c) => c && (!allowed || allowed.includes(c)));
  if (info.language === 'JSONPath') {
    const instead = language === 'JSONata' && counterpart ? `; use "${counterpart}" instead` : '';
    return keyProblem(prop, 'jsonPathOnly', { field: key, where, instead });
  }
  const instead = counterpart ? ` or use "${counterpart}"` : '';
  return keyProblem(prop, 'jsonataOnly', { field: key, where, instead });
}

const EXPECTED: Record<ValueKind, string> = {
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  any: 'a value',
  'positive-integer': 'a positive integer',
  'non-negative-integer': 'an integer of 0 or more',
  number: 'a number',
  percentage: 'a number from 0 to 100',
  timestamp: 'an RFC 3339 timestamp such as "2026-01-31T23:59:59Z"',
  path: 'a path string or null',
  'reference-path': 'a path string',
  'result-path': 'a path string or null',
  'path-or-intrinsic': 'a path or intrinsic function string',
  'state-name': 'a state name',
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `node` is an acceptable value of `kind` (placeholders always are). */
export function valueFits(node: AstNode, kind: ValueKind, language: QueryLanguage): boolean {
  if (isOpaque(node) || kind === 'any') return true;
  const v = node.value;
  if (language === 'JSONata' && node.type === 'string' && isJsonata(v as string)) return !['object', 'array', 'path', 'reference-path', 'result-path', 'path-or-intrinsic'].includes(kind);
  switch (kind) {
    case 'string':
    case 'state-name':
    case 'reference-path':
    case 'path-or-intrinsic':
      return node.type === 'string';
    case 'path':
    case 'result-path':
      return node.type === 'string' || node.type === 'null';
    case 'boolean':
      return node.type === 'boolean';
    case 'object':
      return isObject(node);
    case 'array':
      return isArray(node);
    case 'number':
      return node.type === 'number';
    case 'positive-integer':
      return node.type === 'number' && Number.isInteger(v) && v > 0;
    case 'non-negative-integer':
      return node.type === 'number' && Number.isInteger(v) && v >= 0;
    case 'percentage':
      return node.type === 'number' && v >= 0 && v <= 100;
    case 'timestamp':
      return node.type === 'string' && TIMESTAMP.test(v as string);
  }
}

/** Reports a value that does not fit its field's kind or list of allowed values. */
export function checkValue(node: AstNode, field: string, info: FieldInfo, ctx: FieldContext): void {
  if (!valueFits(node, info.value, ctx.language)) {
    ctx.emit({ messageId: 'invalidValue', node, data: { field, expected: EXPECTED[info.value] } });
    return;
  }
  if (info.values && node.type === 'string' && !isOpaque(node) && !info.values.includes(node.value as string)) {
    if (ctx.language === 'JSONata' && isJsonata(node.value as string) && field !== 'Type' && field !== 'QueryLanguage') return;
    const suggestion = closestName(node.value as string, info.values);
    const values = suggestion ? `"${suggestion}"` : orList(info.values);
    ctx.emit({ messageId: 'invalidEnum', node, data: { field, value: String(node.value), values } });
  }
}

/** Reports the second and later fields of a group of which only one may be set. */
export function checkExclusive(obj: AstNode, groups: readonly (readonly string[])[], ctx: FieldContext): void {
  // Nearly every object sets at most one field of each group: find that out without building a map.
  const groupOf = groupIndex(groups);
  let seen = 0; // one bit per group (groups past the 31st share the last bit: at worst a map is built for nothing)
  let clash = false;
  for (const prop of propertiesOf(obj)) {
    const group = groupOf.get(keyOf(prop));
    if (group === undefined) continue;
    const bit = 1 << Math.min(group, 30);
    if (seen & bit) clash = true;
    seen |= bit;
  }
  if (!clash) return;
  const present = new Map(propertiesOf(obj).map((p) => [keyOf(p), p] as const));
  for (const group of groups) {
    const set = group.filter((f) => present.has(f));
    for (const field of set.slice(1)) ctx.emit(keyProblem(present.get(field)!, 'exclusive', { field, other: set[0] }));
  }
}

const groupIndexes = new WeakMap<readonly (readonly string[])[], ReadonlyMap<string, number>>();

/** Field name -> index of its group, built once per table of groups. */
function groupIndex(groups: readonly (readonly string[])[]): ReadonlyMap<string, number> {
  let index = groupIndexes.get(groups);
  if (!index) groupIndexes.set(groups, (index = new Map(groups.flatMap((group, i) => group.map((field) => [field, i] as const)))));
  return index;
}

/** Human text for a list of field names: `"A", "B" or "C"`. */
export function orList(fields: readonly string[]): string {
  const q = fields.map((f) => `"${f}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q.join('');
}
