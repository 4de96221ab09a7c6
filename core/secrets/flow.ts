// Where a Task's result goes: through ResultSelector, ResultPath and OutputPath (JSONPath) or
// Output (JSONata) into state data, and through Assign into variables. Both end up in the
// execution history. Paths are followed symbolically; anything unclear counts as kept.
import { isObject, valueOf, type AstNode } from '../parse/ast';
import { walkScalars } from '../model/payload';
import { baseKey, isDynamicKey, isJsonata } from '../model/values';
import type { State } from '../model/types';
import { dataReferences, parsePath, type DataReference } from './expressions';

export interface SecretDestination {
  /** `output`: kept in the state's output (state data); `variable`: assigned to a variable. */
  kind: 'output' | 'variable';
  /** `$.db.SecretString` for output; the variable name for variables. */
  location: string;
  /** Where to point: the Task's Resource for output, the Assign entry for variables. */
  node: AstNode;
  /** For output: which field decided it (`ResultSelector`, `ResultPath`, `Output`, default). */
  via: string;
}

/** True when one path is a prefix of the other (`*` matches any segment). */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i] && a[i] !== '*' && b[i] !== '*') return false;
  return true;
}

/** References of a value to the task result: `$...` in JSONPath selectors, `$states.result...` in JSONata. */
function resultRefs(key: string | undefined, value: string, jsonata: boolean): DataReference[] {
  const refs = dataReferences(value, isDynamicKey(key ?? ''));
  return refs.filter((r) => (jsonata || isJsonata(value) ? r.source === 'task-result' : r.source === 'state-input'));
}

/** Locations inside `root` (key paths, `.$` stripped) whose value reads one of `fields` of the result. */
function selectedLocations(root: AstNode, fields: readonly string[][], jsonata: boolean): { path: string[]; node: AstNode }[] {
  const out: { path: string[]; node: AstNode }[] = [];
  if (root.type === 'string') {
    if (resultRefs(undefined, root.value as string, jsonata).some((r) => fields.some((f) => overlaps(r.segments, f)))) out.push({ path: [], node: root });
    return out;
  }
  walkScalars(root, '', (pv) => {
    if (pv.node.type !== 'string') return;
    const refs = resultRefs(pv.key, pv.node.value as string, jsonata);
    if (refs.some((r) => fields.some((f) => overlaps(r.segments, f)))) out.push({ path: pv.path.map(baseKey), node: pv.node });
  });
  return out;
}

/**
 * Where the result fields `fields` of this Task end up: kept in state output and/or assigned to
 * variables. Empty when every path drops them (ResultPath null, a narrowing ResultSelector or
 * Output, an OutputPath that selects elsewhere).
 */
export function secretDestinations(state: State, fields: readonly string[][]): SecretDestination[] {
  const anchor = state.resource?.node ?? state.keyNode;
  const out: SecretDestination[] = [];
  const jsonata = state.queryLanguage === 'JSONata';
  let selected: string[][] = fields.map((f) => [...f]);
  const selector = jsonata ? undefined : valueOf(state.node, 'ResultSelector');
  if (isObject(selector)) selected = selectedLocations(selector, fields, false).map((l) => l.path);
  const assign = valueOf(state.node, 'Assign');
  if (isObject(assign)) {
    for (const loc of selectedLocations(assign, jsonata ? fields : selected, jsonata)) {
      out.push({ kind: 'variable', location: loc.path[0] ?? '', node: loc.node, via: 'Assign' });
    }
  }
  if (jsonata) {
    const output = valueOf(state.node, 'Output');
    const kept = output ? selectedLocations(output, fields, true).map((l) => l.path) : fields.map((f) => [...f]);
    if (kept.length) out.push({ kind: 'output', location: describe(kept[0]), node: anchor, via: output ? 'Output' : 'default' });
    return out;
  }
  if (!selected.length) return out;
  const resultPath = valueOf(state.node, 'ResultPath');
  if (resultPath?.type === 'null') return out;
  let base: string[] = [];
  if (typeof resultPath?.value === 'string') {
    const parsed = parsePath(resultPath.value);
    // `$$.Credentials` (floe) is a credential store, not state data; other roots are invalid anyway.
    if (!parsed || parsed.root !== '$') return out;
    base = parsed.segments;
  }
  let locations = selected.map((s) => [...base, ...s]);
  const outputPath = valueOf(state.node, 'OutputPath');
  if (outputPath?.type === 'null') return out;
  if (typeof outputPath?.value === 'string') {
    const op = parsePath(outputPath.value);
    if (op && op.root === '$') locations = locations.filter((l) => overlaps(l, op.segments));
  }
  if (locations.length) {
    const via = isObject(selector) ? 'ResultSelector' : resultPath ? 'ResultPath' : 'default';
    out.push({ kind: 'output', location: describe(locations[0]), node: anchor, via });
  }
  return out;
}

function describe(path: readonly string[]): string {
  return path.length ? `$.${path.map((s) => (s === '*' ? '[*]' : s)).join('.').replace(/\.\[/g, '[')}` : '$';
}
