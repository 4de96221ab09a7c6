// The least-privilege policy generator: a state machine (or one state and its nested states) ->
// an IAM policy document plus notes on every resource the definition leaves open or runtime-chosen.
import { pointerOf } from '../parse/ast';
import type { State, StateMachine } from '../model/types';
import { stringOf, valueOf } from '../parse/ast';
import { ACCOUNT, REGION, normalizeArn, selfArn } from './arn';
import { isDocPlaceholder, patternOf, type ResourceValue } from './resource-value';
import { DISTRIBUTED_MAP } from './integrations';
import { credentialsRole, integrationSites, taskView, valuesAt, type IntegrationSite } from './params';
import { traceValue } from './trace';
import type { ArnEnv, Condition, Grant, Resolve } from './types';
import { scrubPolicyValue } from './scrub';
import { redactSecrets } from '../secrets/redact';

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export type PolicyNoteKind = 'runtime' | 'wildcard' | 'unscopable' | 'unsupported' | 'placeholder' | 'advice' | 'task-role';

/** Something the user must know about the policy: a runtime or open resource, an unsupported task. */
export interface PolicyNote {
  kind: PolicyNoteKind;
  message: string;
  state?: string;
  /** JSON pointer and offsets of the value the note is about, for editors. */
  pointer?: string;
  offset?: number;
  length?: number;
}

/** Permissions a task needs in the role it assumes through `Credentials.RoleArn`, not in the execution role. */
export interface TaskRolePolicy {
  state: string;
  role: string;
  statements: PolicyStatement[];
}

export interface PolicyResult {
  document: PolicyDocument;
  notes: PolicyNote[];
  /** The states the policy covers. */
  states: string[];
  taskRoles: TaskRolePolicy[];
}

export interface GeneratePolicyOptions {
  /** A state name (or JSON pointer); the policy covers it and its nested states. Default: the whole machine. */
  state?: string;
  /** Add the CloudWatch Logs vended-delivery statement (needed when logging is enabled). */
  includeLogging?: boolean;
  /** Add the X-Ray statement (needed when tracing is enabled). */
  includeTracing?: boolean;
}

const LOGGING: Grant = {
  sid: 'CloudWatchLogsDeliveryNoResourceLevelPermissions', starReason: 'the CloudWatch Logs vended-delivery actions do not support resource-level permissions',
  actions: ['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'],
  resources: () => ['*'],
};
const TRACING: Grant = {
  sid: 'XRayTracingNoResourceLevelPermissions', starReason: 'the X-Ray actions do not support resource-level permissions',
  actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], resources: () => ['*'],
};

class Collector {
  private readonly byKey = new Map<string, PolicyStatement>();
  /** Why a statement's resource is `*`, by Sid. */
  readonly reasons = new Map<string, string>();
  /** Sids of statements where a credential was taken out of a resource or condition value. */
  readonly scrubbed = new Set<string>();
  add(grant: Grant, given: string[], givenConditions: Condition[] = grant.conditions ?? []): void {
    if (!given.length) return;
    const scrub = (value: string) => {
      const clean = scrubPolicyValue(value);
      if (clean.changed) this.scrubbed.add(grant.sid);
      return clean.value;
    };
    const resources = given.map(scrub);
    const conditions = givenConditions.map((c) => ({ ...c, values: c.values.map(scrub) }));
    if (grant.starReason) this.reasons.set(grant.sid, grant.starReason);
    const condition = toCondition(conditions);
    const key = `${grant.sid}|${grant.actions.join(',')}|${JSON.stringify(condition ?? {})}`;
    const existing = this.byKey.get(key);
    if (existing) existing.Resource.push(...resources);
    else this.byKey.set(key, { Sid: grant.sid, Effect: 'Allow', Action: [...grant.actions], Resource: [...resources], ...(condition ? { Condition: condition } : {}) });
  }
  statements(): PolicyStatement[] {
    const seen = new Map<string, number>();
    return [...this.byKey.values()].map((s) => {
      const n = (seen.get(s.Sid) ?? 0) + 1;
      seen.set(s.Sid, n);
      const resources = [...new Set(s.Resource)];
      return { ...s, Sid: n > 1 ? `${s.Sid}${n}` : s.Sid, Resource: resources.includes('*') ? ['*'] : resources };
    });
  }
}

function toCondition(conditions: Condition[]): PolicyStatement['Condition'] {
  if (!conditions.length) return undefined;
  const out: Record<string, Record<string, string[]>> = {};
  for (const c of conditions) (out[c.operator] ??= {})[c.key] = [...c.values];
  return out;
}

/** The states a policy covers: all, or one state and every state nested in it. */
function selectStates(model: StateMachine, wanted: string | undefined): State[] | undefined {
  if (wanted === undefined) return model.states;
  const root = model.states.find((s) => s.name === wanted || pointerOf(s.node) === wanted);
  if (!root) return undefined;
  const out: State[] = [];
  const stack = [root];
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    for (const scope of s.children) stack.push(...[...scope.list].reverse());
  }
  return out;
}

function envOf(site: IntegrationSite): ArnEnv {
  const r = site.resource;
  const open = (part: string | undefined, role: 'region' | 'account', token: string) => (part && !isDocPlaceholder(part, role) ? part : token);
  return { partition: r.partition || 'aws', region: open(r.region, 'region', REGION), account: open(r.account, 'account', ACCOUNT) };
}

/**
 * Generates the least-privilege policy for a state machine or one state.
 * @example generatePolicy(model).document.Statement[0] -> { Sid: 'InvokeLambdaFunctions', Action: ['lambda:InvokeFunction'], ... }
 */
export function generatePolicy(model: StateMachine | undefined, options: GeneratePolicyOptions = {}): PolicyResult {
  const notes: PolicyNote[] = [];
  const seenNotes = new Set<string>();
  const note = (given: PolicyNote) => {
    // Notes quote state names and values, which may be credentials themselves.
    const n = { ...given, message: redactSecrets(given.message), ...(given.state !== undefined ? { state: redactSecrets(given.state) } : {}), ...(given.pointer !== undefined ? { pointer: redactSecrets(given.pointer) } : {}) };
    const key = `${n.kind}|${n.state}|${n.message}`;
    if (!seenNotes.has(key)) (seenNotes.add(key), notes.push(n));
  };
  const states = model ? selectStates(model, options.state) : undefined;
  if (!states) note({ kind: 'unsupported', message: model ? `There is no state named "${options.state}".` : 'The document is not a state machine.' });
  const main = new Collector();
  const taskRoles: TaskRolePolicy[] = [];
  for (const state of states ?? []) {
    const role = credentialsRole(state);
    for (const site of integrationSites(state)) {
      const target = site.field === 'Parameters' || site.field === 'Arguments' || site.field === 'Resource' ? role : undefined;
      const collector = target ? new Collector() : main;
      addSite(model!, site, collector, note);
      if (target) {
        const roleArns = roleResources(model!, target, site, note);
        main.add({ sid: 'AssumeTaskRoles', actions: ['sts:AssumeRole'], resources: () => [] }, roleArns);
        taskRoles.push({ state: redactSecrets(state.name), role: scrubPolicyValue(roleArns[0] ?? '').value, statements: collector.statements() });
        noteScrubbed(collector, note);
        note({ kind: 'task-role', state: state.name, message: `${state.name} runs with the role in Credentials.RoleArn: its service permissions belong in that role's policy (see taskRoles), the execution role only needs sts:AssumeRole.` });
      }
    }
    if (state.type === 'Map' && stringOf(valueOf(valueOf(valueOf(state.node, 'ItemProcessor'), 'ProcessorConfig'), 'Mode')) === 'DISTRIBUTED') {
      const env: ArnEnv = { partition: 'aws', region: REGION, account: ACCOUNT };
      const view = { pattern: 'request-response' as const, has: () => false, literal: () => undefined, shape: () => undefined };
      for (const grant of DISTRIBUTED_MAP.grants(view)) {
        main.add(grant, grant.resources(() => [], env));
      }
      note({ kind: 'placeholder', state: state.name, message: `${state.name} is a Distributed Map: the policy lets the state machine start and manage its own child executions; fill in the state machine's name.` });
    }
  }
  if (options.includeLogging) main.add(LOGGING, ['*']);
  if (options.includeTracing) main.add(TRACING, ['*']);
  const statements = main.statements();
  noteScrubbed(main, note);
  for (const s of statements) {
    if (s.Resource.includes('*')) note({ kind: 'unscopable', message: `${s.Sid}: ${s.Action.join(', ')} on "*": ${main.reasons.get(s.Sid.replace(/(?<!\d)\d+$/, '')) ?? main.reasons.get(s.Sid) ?? 'AWS does not let you scope it'}.` });
  }
  if (!statements.length && !notes.some((n) => n.kind === 'unsupported')) {
    statements.push({ Sid: 'NoServiceCallsDenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] });
    note({ kind: 'advice', message: 'No state calls an AWS service with the execution role, so the policy denies everything (the Step Functions template for activity-only machines).' });
  }
  return { document: { Version: '2012-10-17', Statement: statements }, notes, states: (states ?? []).map((s) => s.name), taskRoles };
}

/** Tells where credentials were taken out of the policy, without them. */
function noteScrubbed(collector: Collector, note: (n: PolicyNote) => void): void {
  if (!collector.scrubbed.size) return;
  note({
    kind: 'advice',
    message: `${[...collector.scrubbed].join(', ')}: a resource or endpoint in the definition holds a credential (user info or a query string in a URL, or a key): it is "*" in the policy and not printed. Move it out of the definition (see SEC001 and SEC004).`,
  });
}

function addSite(model: StateMachine, site: IntegrationSite, collector: Collector, note: (n: PolicyNote) => void): void {
  const { state, integration, resource } = site;
  if (!integration) {
    const why = resource.kind === 'placeholder' ? `its Resource is the deploy-time placeholder ${resource.raw}` : resource.kind === 'expression' ? 'its Resource is chosen at run time' : `the integration ${resource.raw} is not in the IAM table`;
    note({ kind: 'unsupported', state: state.name, message: `${state.name}: no statement generated because ${why}; add its permissions by hand.`, ...at(resource.node) });
    return;
  }
  if (!integration.patterns.includes(resource.pattern)) note({ kind: 'unsupported', state: state.name, message: `${state.name}: ${integration.title} does not support the ${resource.pattern} pattern.` });
  if (integration.advice) note({ kind: 'advice', message: `${integration.title}: ${integration.advice}` });
  const env = envOf(site);
  const view = taskView(site);
  const sibling = (path: string) => view.shape(path);
  const resolve: Resolve = (path, as = (a) => a) => {
    const param = integration.params.find((p) => p.path === path) ?? { path, noun: path, arn: (v: string) => v };
    let missing = 0;
    const values = path === '@Resource' ? [{ kind: 'literal', text: resource.raw, node: resource.node } as ResourceValue] : valuesAt(site.payload, path, () => missing++);
    const fallback = missing && param.fallback !== undefined ? [as(param.arn(param.fallback, env, sibling))] : [];
    return [...values.flatMap((written) => traceValue(model, state, written)).flatMap((value) => {
      if (value.kind === 'unknown') return [];
      if (value.kind === 'self') return [as(selfArn(env))];
      const arn = as(normalizeArn(param.arn(patternOf(value), env, sibling)));
      if (value.kind === 'runtime') note({ kind: 'runtime', state: state.name, message: `${state.name}: ${param.noun} (${path}) is chosen at run time from ${value.source ?? 'state data'}; the policy allows ${arn}. Restrict it with an allow-list Choice or a name prefix.`, ...at(value.node) });
      if (value.kind === 'wildcard') note({ kind: 'wildcard', state: state.name, message: `${state.name}: ${param.noun} (${path}) is the wildcard "${value.text}"; the policy allows ${arn}.`, ...at(value.node) });
      if (value.kind === 'placeholder') note({ kind: 'placeholder', state: state.name, message: `${state.name}: ${param.noun} (${path}) is the deploy-time placeholder ${value.text}; the policy keeps it as ${arn}.`, ...at(value.node) });
      return [arn];
    }), ...fallback];
  };
  for (const grant of integration.grants(view)) {
    const resources = grant.resources(resolve, env);
    if (!resources.length) note({ kind: 'unsupported', state: state.name, message: `${state.name}: ${grant.actions.join(', ')} left out: the parameter naming the resource is missing.` });
    collector.add(grant, resources);
  }
}

function roleResources(model: StateMachine, value: ResourceValue, site: IntegrationSite, note: (n: PolicyNote) => void): string[] {
  const env = envOf(site);
  return traceValue(model, site.state, value).flatMap((v) => {
    if (v.kind === 'self' || v.kind === 'unknown') return [];
    if (v.kind !== 'runtime') return [normalizeArn(v.text)];
    const pattern = patternOf(v);
    const arn = pattern.startsWith('arn:') ? pattern.replace(/^arn:[^:]*:iam:[^:]*:/, `arn:${env.partition}:iam::`) : `arn:${env.partition}:iam::*:role/*`;
    note({ kind: 'runtime', state: site.state.name, message: `${site.state.name}: Credentials.RoleArn is chosen at run time from ${v.source ?? 'state data'}; sts:AssumeRole is allowed on ${arn}.`, ...at(v.node) });
    return [arn];
  });
}

function at(node: { offset: number; length: number } | undefined): Pick<PolicyNote, 'pointer' | 'offset' | 'length'> {
  return node ? { pointer: pointerOf(node as never), offset: node.offset, length: node.length } : {};
}
