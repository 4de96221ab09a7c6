// QUO004: a loop in the state graph that nothing can leave (no Choice branch, Default, Catch or
// End leads out of it), and, optionally, a polling loop (one with a Wait) whose exit depends only
// on what the polled service answers because no counter is incremented and compared in it.
import { graphOf, type StateGraph } from '../model/graph';
import { valueOf } from '../parse/ast';
import type { State } from '../model/types';
import { comparedNames, counterLikeNames, incrementedNames } from './utils/counters';
import { defineRule } from './define-rule';

const MAX_LISTED = 8;

/** A way out of the loop: a transition to a state outside it (or to an unknown one), End, or a Choice with no Default. */
function hasExit(loop: readonly State[], members: Set<State>): boolean {
  return loop.some(
    (s) =>
      s.end ||
      (s.type === 'Choice' && !valueOf(s.node, 'Default')) ||
      s.transitions.some((t) => {
        const target = s.scope.states.get(t.target);
        return !target || !members.has(target);
      }),
  );
}

/**
 * A counter: a name some state in the loop increments (States.MathAdd, JSONata `+ 1`) and some
 * Choice in the loop compares as a number, or a counter-named field (`retryCount`, `attempts`,
 * `iterator`, `remaining` ...) a Choice in the loop compares, kept by a task.
 */
function hasCounter(loop: readonly State[]): boolean {
  const incremented = new Set<string>();
  for (const s of loop) for (const name of incrementedNames(s)) incremented.add(name);
  return loop.some((s) => s.type === 'Choice' && (counterLikeNames(s).size > 0 || [...comparedNames(s)].some((n) => incremented.has(n))));
}

/** Where the loop is entered: the first state (document order) with a predecessor outside it, or its scope's StartAt. */
function entryOf(loop: readonly State[], members: Set<State>, graph: StateGraph): State {
  const entries = loop.filter((s) => s.scope.startAt?.name === s.name || (graph.predecessors.get(s) ?? []).some((p) => !members.has(p)));
  return (entries.length ? entries : loop).reduce((a, b) => (b.index < a.index ? b : a));
}

/** The loop's states in the order they run from the entry (depth first along transitions). */
function orderFrom(entry: State, members: Set<State>, graph: StateGraph): State[] {
  const seen = new Set<State>();
  const stack = [entry];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const next = (graph.successors.get(s) ?? []).filter((n) => members.has(n) && !seen.has(n));
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return [...seen];
}

/** `"A" → "B" → "A"` for a simple cycle; `through "A", "B", "C"` when the loop branches. */
function listStates(order: State[], members: Set<State>, graph: StateGraph): string {
  const names = order.slice(0, MAX_LISTED).map((s) => `"${s.name}"`);
  if (order.length > MAX_LISTED) names.push(`… (${order.length} states)`);
  const simple = order.every((s) => (graph.successors.get(s) ?? []).filter((n) => members.has(n)).length === 1);
  return simple ? [...names, `"${order[0].name}"`].join(' → ') : `through ${names.join(', ')}`;
}

export default defineRule({
  code: 'QUO004',
  name: 'unbounded-loop',
  title: 'Unbounded loop',
  description: 'A cycle with no exit, or a polling loop with no counter, runs into the 25,000-event history limit or forever.',
  category: 'best-practice',
  severity: 'warning',
  cwe: ['CWE-835', 'CWE-400'],
  options: {
    pollingLoops: {
      type: 'boolean',
      default: true,
      description: 'Report (as info) loops with a Wait state whose exit depends only on the polled result, because no counter is incremented and compared in the loop.',
    },
  },
  messages: {
    noExit:
      'The loop {{states}} has no way out: no Choice branch, Default, Catch or End leaves it, so every execution that enters it runs until {{limit}}.',
    pollingWithoutCounter:
      'The polling loop {{states}} ends only when the polled result changes; it has no attempt counter, so a job that never finishes keeps it running until {{limit}}. Increment a counter in the loop (States.MathAdd or `+ 1` in Assign) and check it in the Choice.',
  },
  checkDocument(ctx) {
    const model = ctx.model;
    if (!model) return;
    const graph = graphOf(model);
    const limit = ctx.workflowType === 'EXPRESS' ? 'the 5-minute Express execution limit' : 'it reaches the 25,000-event history limit or the one-year execution limit';
    for (const loop of graph.cycles) {
      if (!graph.reachable.has(loop[0])) continue;
      const members = new Set(loop);
      const entry = entryOf(loop, members, graph);
      const states = listStates(orderFrom(entry, members, graph), members, graph);
      if (!hasExit(loop, members)) {
        ctx.report({ messageId: 'noExit', data: { states, limit }, node: entry.keyNode });
      } else if (ctx.options.pollingLoops !== false && loop.some((s) => s.type === 'Wait') && !hasCounter(loop)) {
        ctx.report({ messageId: 'pollingWithoutCounter', data: { states, limit }, node: entry.keyNode, severity: 'info' });
      }
    }
  },
});
