// QUO002: a Task starts a new execution of its own state machine ("continue as new") with no
// counter that stops the chain. "Itself" is only what the context object proves
// (`$$.StateMachine.Id`/`.Name`, `$states.context.StateMachine...`); ARNs and placeholders are never guessed.
import { isObject, stringOf, valueOf, type AstNode } from '../parse/ast';
import { forEachPayloadValue } from '../model/payload';
import { baseKey, isDynamicKey, isJsonata } from '../model/values';
import { graphOf, precedingStates } from '../model/graph';
import type { State, StateMachine } from '../model/types';
import { comparedNames, counterLikeNames, incrementedNames, mentionedNames } from './utils/counters';
import { defineRule } from './define-rule';

const SELF_JSONPATH = /\$\$\.StateMachine\.(Id|Name)\b/;
const SELF_JSONATA = /\$states\.context\.StateMachine\.(Id|Name)\b/;

/** A value that names the running state machine: a context reference, or a variable holding one. */
function namesSelf(key: string | undefined, value: string, selfVariables: Set<string>): boolean {
  if (isJsonata(value)) return SELF_JSONATA.test(value) || [...value.matchAll(/\$([A-Za-z_]\w*)/g)].some((m) => selfVariables.has(m[1].toLowerCase()));
  if (key === undefined || !isDynamicKey(key)) return false;
  return SELF_JSONPATH.test(value) || [...value.matchAll(/\$([A-Za-z_]\w*)/g)].some((m) => selfVariables.has(m[1].toLowerCase()));
}

/** Variables assigned the state machine's own id or name anywhere in the document. */
function selfVariablesOf(model: StateMachine): Set<string> {
  const out = new Set<string>();
  for (const state of model.states) {
    forEachPayloadValue(state, ({ field, path, key, node }) => {
      const value = stringOf(node);
      if (path.length !== 1 || !field.endsWith('Assign') || key === undefined || value === undefined) return;
      if (SELF_JSONATA.test(value) || (isDynamicKey(key) && SELF_JSONPATH.test(value))) out.add(baseKey(key).toLowerCase());
    }, ['Assign']);
  }
  return out;
}

/** The payload object of a start-execution task and its StateMachineArn value node, if it names itself. */
function selfStart(state: State, selfVariables: () => Set<string>): { payload: AstNode; arn: AstNode } | undefined {
  const r = state.resource;
  const starts = r && ((r.kind === 'optimized' && r.service === 'states' && r.action === 'startExecution') || (r.kind === 'aws-sdk' && r.service === 'sfn' && /^start(Sync)?Execution$/.test(r.action ?? '')));
  if (!starts) return undefined;
  for (const field of ['Parameters', 'Arguments']) {
    const payload = valueOf(state.node, field);
    if (!isObject(payload)) continue;
    for (const key of ['StateMachineArn.$', 'StateMachineArn']) {
      const arn = valueOf(payload, key);
      const value = stringOf(arn);
      if (arn && value !== undefined && namesSelf(key, value, selfVariables())) return { payload, arn };
    }
  }
  return undefined;
}

/**
 * The documented bound: a counter that a Choice before the restart compares, and that the new
 * execution's Input passes along. A counter is a name incremented (States.MathAdd, JSONata `+`/`-`
 * a number) by the restarting task or a state before it and compared as a number, or a
 * counter-named field (`depth`, `iteration`, `attempts` ...) compared as a number or boolean.
 */
function hasCounter(model: StateMachine, state: State, payload: AstNode): boolean {
  const before = precedingStates(graphOf(model), state);
  const incremented = new Set(incrementedNames(state));
  const compared = new Set<string>();
  const named = new Set<string>();
  for (const s of before) {
    for (const name of incrementedNames(s)) incremented.add(name);
    if (s.type === 'Choice') for (const name of comparedNames(s)) compared.add(name);
    if (s.type === 'Choice') for (const name of counterLikeNames(s)) named.add(name);
  }
  const counters = [...incremented].filter((n) => compared.has(n)).concat([...named]);
  if (!counters.length) return false;
  const inputKey = valueOf(payload, 'Input.$') ? 'Input.$' : 'Input';
  const input = valueOf(payload, inputKey);
  if (!input) return false;
  const passed = mentionedNames(input, inputKey === 'Input.$');
  return passed === undefined || counters.some((c) => passed.has(c));
}

export default defineRule({
  code: 'QUO002',
  name: 'self-recursion',
  title: 'Unbounded self-recursion',
  description: 'The state machine starts a new execution of itself with no counter that ends the chain.',
  category: 'best-practice',
  severity: 'warning',
  cwe: ['CWE-674', 'CWE-400'],
  messages: {
    unbounded:
      'Task "{{name}}" starts a new execution of this state machine ({{via}}) with no bound: no counter is incremented, checked by a Choice before the restart and passed in Input, so nothing guarantees the chain of executions ends.',
    unboundedFanOut:
      'Task "{{name}}" starts new executions of this state machine ({{via}}) from inside a {{owner}} with no bound: every execution can start several more, so the executions can multiply until account quotas stop them. Add a depth counter that a Choice checks before recursing.',
  },
  checkDocument(ctx) {
    const model = ctx.model;
    if (!model) return;
    // Walking every Assign is only worth it when some task starts an execution at all.
    let selfVariables: Set<string> | undefined;
    const lazySelfVariables = () => (selfVariables ??= selfVariablesOf(model));
    for (const state of model.states) {
      if (state.type !== 'Task') continue;
      const found = selfStart(state, lazySelfVariables);
      if (!found || hasCounter(model, state, found.payload)) continue;
      const via = viaText(stringOf(found.arn) ?? '');
      const owner = fanOutOwner(state);
      ctx.report({
        messageId: owner ? 'unboundedFanOut' : 'unbounded',
        data: { name: state.name, via, owner: owner ?? '' },
        node: found.arn,
      });
    }
  },
});

function viaText(value: string): string {
  const m = SELF_JSONPATH.exec(value) ?? SELF_JSONATA.exec(value);
  return m ? `StateMachineArn from ${m[0]}` : 'StateMachineArn from a variable holding $$.StateMachine.Id';
}

/** `Map` when the task runs inside a Map (at any depth): each execution then starts one per item. */
function fanOutOwner(state: State): string | undefined {
  for (let owner = state.scope.owner; owner; owner = owner.scope.owner) if (owner.type === 'Map') return 'Map';
  return undefined;
}
