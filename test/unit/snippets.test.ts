// Every snippet, expanded as the editor would insert it into `"States": { }`, is a state machine
// that parses and draws no finding from any rule, and implements the secure pattern it advertises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import YAML from 'yaml';
import { analyze, type Finding } from '../../core';
import { expandSnippet } from './snippets-expand';

const ROOT = join(__dirname, '..', '..');
type Json = Record<string, unknown>;

interface Snippet {
  name: string;
  prefix: string;
  description: string;
  body: string[];
}

/** Reads a `.code-snippets` file; duplicate names fail here (JSON.parse would keep the last). */
function loadSnippets(file: string): Snippet[] {
  const text = readFileSync(join(ROOT, 'snippets', file), 'utf8');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  assert.deepEqual(errors.map((e) => printParseErrorCode(e.error)), [], `${file} does not parse`);
  assert.equal(tree?.type, 'object', `${file}: the root is not an object`);
  const names = (tree!.children ?? []).map((p) => p.children![0].value as string);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `${file}: duplicate snippet names`);
  return (tree!.children ?? []).map((p: JsonNode) => {
    const value = nodeValue(p.children![1]) as Json;
    const body = typeof value.body === 'string' ? [value.body] : (value.body as string[]);
    return { name: p.children![0].value as string, prefix: value.prefix as string, description: value.description as string, body };
  });
}

function nodeValue(node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value, nodeValue(p.children![1])]));
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

const FILES = { json: 'asl.code-snippets', yaml: 'asl-yaml.code-snippets' } as const;
const SNIPPETS = { json: loadSnippets(FILES.json), yaml: loadSnippets(FILES.yaml) };

/** The state a snippet inserts: its name and parsed definition. */
function stateOf(format: 'json' | 'yaml', expanded: string): { name: string; state: Json } {
  let parsed: unknown;
  if (format === 'json') {
    const errors: ParseError[] = [];
    const tree = parseTree(`{${expanded}}`, errors);
    assert.deepEqual(errors.map((e) => printParseErrorCode(e.error)), [], `not a JSON property:\n${expanded}`);
    parsed = nodeValue(tree!);
  } else {
    const doc = YAML.parseDocument(expanded);
    assert.deepEqual(doc.errors.map((e) => e.message), [], `not a YAML mapping entry:\n${expanded}`);
    parsed = doc.toJS();
  }
  const entries = Object.entries(parsed as Json);
  assert.equal(entries.length, 1, `a snippet must insert exactly one state, got ${entries.length}`);
  return { name: entries[0][0], state: entries[0][1] as Json };
}

/** States the snippet's own transitions (Next, Default, Catch, Choices) lead to, outside the snippet. */
function targetsOf(name: string, state: Json): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => typeof v === 'string' && v !== name && out.add(v);
  add(state.Next);
  add(state.Default);
  for (const list of [state.Catch, state.Choices]) if (Array.isArray(list)) for (const item of list) add((item as Json).Next);
  return [...out];
}

/** The snippet inserted as the machine's start state; every state it transitions to is a Succeed stub. */
function machineText(format: 'json' | 'yaml', expanded: string, name: string, targets: string[], jsonata: boolean): string {
  if (format === 'json') {
    const stubs = targets.map((t) => `,\n    ${JSON.stringify(t)}: { "Type": "Succeed" }`).join('');
    const lines = expanded.split('\n').map((l) => `    ${l}`).join('\n');
    return `{\n  "Comment": "snippet test",\n${jsonata ? '  "QueryLanguage": "JSONata",\n' : ''}  "StartAt": ${JSON.stringify(name)},\n  "States": {\n${lines}${stubs}\n  }\n}\n`;
  }
  const stubs = targets.map((t) => `\n  ${JSON.stringify(t)}:\n    Type: Succeed`).join('');
  const lines = expanded.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
  return `Comment: snippet test\n${jsonata ? 'QueryLanguage: JSONata\n' : ''}StartAt: ${JSON.stringify(name)}\nStates:\n${lines}${stubs}\n`;
}

const describe = (f: Finding) => `${f.ruleId} ${f.ruleName} ${f.pointer}: ${f.message}`;

/** Every Task in the state, inner ones (Map item processors) included. */
function tasksIn(state: Json): Json[] {
  const out: Json[] = [];
  const visit = (s: Json) => {
    if (s.Type === 'Task') out.push(s);
    const processor = s.ItemProcessor as Json | undefined;
    for (const inner of Object.values((processor?.States as Json | undefined) ?? {})) visit(inner as Json);
  };
  visit(state);
  return out;
}

/** The secure pattern each snippet promises, checked on its definition (independent of the rules). */
function checkPattern(prefix: string, state: Json, text: string): void {
  const jsonata = state.QueryLanguage === 'JSONata';
  const payload = (state.Arguments ?? state.Parameters) as Json | undefined;
  for (const task of tasksIn(state)) {
    assert.equal(typeof task.TimeoutSeconds, 'number', `${prefix}: every Task sets TimeoutSeconds`);
    for (const retrier of (task.Retry as Json[] | undefined) ?? []) {
      assert.ok(typeof retrier.MaxAttempts === 'number' && retrier.MaxAttempts >= 1 && retrier.MaxAttempts <= 5, `${prefix}: bounded MaxAttempts`);
      assert.ok(typeof retrier.BackoffRate === 'number' && retrier.BackoffRate >= 1, `${prefix}: BackoffRate`);
      assert.equal(typeof retrier.MaxDelaySeconds, 'number', `${prefix}: MaxDelaySeconds caps the backoff`);
      assert.equal(retrier.JitterStrategy, 'FULL', `${prefix}: JitterStrategy FULL`);
    }
  }
  const kind = prefix.replace(/^asl-/, '').replace(/-jsonata$/, '');
  switch (kind) {
    case 'task-retry':
      assert.ok(Array.isArray(state.Retry) && Array.isArray(state.Catch), `${prefix}: Retry and Catch`);
      break;
    case 'ssm-config':
      assert.match(String(state.Resource), /:aws-sdk:ssm:getParameter$/);
      assert.equal(payload?.WithDecryption, false, `${prefix}: non-secret config is read without decryption`);
      assert.ok(jsonata ? state.Assign || state.Output : state.ResultSelector && typeof state.ResultPath === 'string', `${prefix}: keeps only the value`);
      break;
    case 'secret-reference': {
      const body = payload?.Payload as Json;
      assert.match(String(body?.secretParameterName), /^\//, `${prefix}: passes the parameter name`);
      assert.doesNotMatch(text, /WithDecryption|secretsmanager|getSecretValue/, `${prefix}: never fetches the secret itself`);
      break;
    }
    case 'http-task':
      assert.equal(state.Resource, 'arn:aws:states:::http:invoke');
      assert.match(String((payload?.Authentication as Json | undefined)?.ConnectionArn), /^arn:aws:events:[a-z0-9-]+:\d{12}:connection\//);
      assert.match(String(payload?.ApiEndpoint), /^https:\/\/[^{$]+$/, `${prefix}: a literal https endpoint`);
      assert.ok(typeof state.TimeoutSeconds === 'number' && state.TimeoutSeconds <= 60, `${prefix}: HTTP Task timeout at most 60 s`);
      assert.doesNotMatch(JSON.stringify(payload?.Headers ?? {}), /authorization|api[-_]?key|token/i, `${prefix}: no credentials in headers`);
      break;
    case 'callback':
      assert.match(String(state.Resource), /\.waitForTaskToken$/);
      assert.ok(typeof state.HeartbeatSeconds === 'number' && typeof state.TimeoutSeconds === 'number' && state.HeartbeatSeconds < state.TimeoutSeconds, `${prefix}: HeartbeatSeconds < TimeoutSeconds`);
      assert.ok(text.includes(jsonata ? '$states.context.Task.Token' : '"$$.Task.Token"') || text.includes(': $$.Task.Token'), `${prefix}: passes the task token`);
      break;
    case 'map':
    case 'map-distributed': {
      assert.ok(typeof state.MaxConcurrency === 'number' && state.MaxConcurrency > 0, `${prefix}: MaxConcurrency`);
      const mode = ((state.ItemProcessor as Json).ProcessorConfig as Json).Mode;
      assert.equal(mode, kind === 'map' ? 'INLINE' : 'DISTRIBUTED');
      if (kind === 'map-distributed') {
        assert.ok(typeof state.ToleratedFailurePercentage === 'number' && state.ToleratedFailurePercentage < 100, `${prefix}: ToleratedFailurePercentage`);
      }
      if (jsonata) {
        for (const inner of Object.values(((state.ItemProcessor as Json).States as Json) ?? {})) {
          assert.equal((inner as Json).QueryLanguage, 'JSONata', `${prefix}: item processor states set JSONata (they inherit the top level, not the Map)`);
        }
      }
      break;
    }
    default:
      assert.fail(`${prefix}: no pattern check for this snippet kind; add one`);
  }
}

test('snippet files: each snippet has an asl- prefix, a description, a body; prefixes are unique', () => {
  for (const [format, snippets] of Object.entries(SNIPPETS)) {
    assert.ok(snippets.length >= 14, `${format}: ${snippets.length} snippets`);
    for (const s of snippets) {
      assert.match(s.prefix, /^asl-[a-z0-9-]+$/, `${format} "${s.name}": prefix`);
      assert.ok(typeof s.description === 'string' && s.description.length >= 30, `${format} "${s.name}": description`);
      assert.ok(Array.isArray(s.body) && s.body.length >= 5 && s.body.every((l) => typeof l === 'string'), `${format} "${s.name}": body`);
    }
    const prefixes = snippets.map((s) => s.prefix);
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), [], `${format}: duplicate prefixes`);
  }
});

test('snippet files: JSON and YAML offer the same snippets, each with a JSONata twin', () => {
  const json = SNIPPETS.json.map((s) => `${s.name} | ${s.prefix}`).sort();
  const yaml = SNIPPETS.yaml.map((s) => `${s.name} | ${s.prefix}`).sort();
  assert.deepEqual(yaml, json);
  const prefixes = new Set(SNIPPETS.json.map((s) => s.prefix));
  for (const p of prefixes) {
    const twin = p.endsWith('-jsonata') ? p.replace(/-jsonata$/, '') : `${p}-jsonata`;
    assert.ok(prefixes.has(twin), `${p} has no twin ${twin}`);
  }
  for (const s of SNIPPETS.yaml) assert.ok(!s.body.some((l) => l.includes('\t')), `${s.prefix}: a tab in a YAML body`);
});

for (const format of ['json', 'yaml'] as const) {
  for (const snippet of SNIPPETS[format]) {
    const jsonata = snippet.prefix.endsWith('-jsonata');
    // A JSONata snippet sets QueryLanguage on its states, so it also works in a JSONPath machine.
    for (const machineLanguage of jsonata ? (['JSONPath', 'JSONata'] as const) : (['JSONPath'] as const)) {
      test(`${format} ${snippet.prefix} in a ${machineLanguage} machine: parses, no findings, secure pattern`, () => {
        const expanded = expandSnippet(snippet.body);
        const { name, state } = stateOf(format, expanded);
        assert.equal(state.QueryLanguage === 'JSONata', jsonata, `${snippet.prefix}: QueryLanguage JSONata exactly when the prefix ends in -jsonata`);
        checkPattern(snippet.prefix, state, expanded);
        const targets = targetsOf(name, state);
        const text = machineText(format, expanded, name, targets, machineLanguage === 'JSONata');
        const result = analyze(text, { format });
        // The snippet really is the machine's start state, with the type it was written with.
        const start = result.model?.scope.states.get(name);
        assert.ok(start, `state "${name}" is not in the analysed machine:\n${text}`);
        assert.equal(start.type, state.Type);
        assert.equal(result.model?.scope.startAt?.name, name);
        assert.equal(result.model?.scope.list.length, 1 + targets.length);
        assert.deepEqual(result.findings.map(describe), [], `findings for ${snippet.prefix}:\n${text}`);
      });
    }
  }
}

test('JSON and YAML snippets insert the same state', () => {
  const yamlByPrefix = new Map(SNIPPETS.yaml.map((s) => [s.prefix, s]));
  for (const s of SNIPPETS.json) {
    const y = yamlByPrefix.get(s.prefix)!;
    assert.deepEqual(stateOf('yaml', expandSnippet(y.body)), stateOf('json', expandSnippet(s.body)), s.prefix);
  }
});

test('the harness catches an insecure snippet (a findings check that can fail)', () => {
  const insecure = ['"${1:Wait}": {', '\t"Type": "Task",', '\t"Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",', '\t"Parameters": { "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q", "MessageBody": { "taskToken.\\$": "\\$\\$.Task.Token" } },', '\t"End": true', '}'];
  const expanded = expandSnippet(insecure);
  const { name, state } = stateOf('json', expanded);
  const result = analyze(machineText('json', expanded, name, targetsOf(name, state), false), { format: 'json' });
  assert.deepEqual(result.findings.map((f) => f.ruleId), ['QUO001']);
  assert.throws(() => checkPattern('asl-callback', state, expanded), /TimeoutSeconds/);
});

test('expandSnippet: placeholders, mirrors, choices, variables and escapes', () => {
  assert.equal(expandSnippet('"${1:Name}": $1, ${2:a ${3:b} c}, $3, ${4|x,y|}, $5$0', { fill: () => 'F' }), '"Name": Name, a b c, b, x, F');
  assert.equal(expandSnippet(['\\$.x', '\\$\\$.Task.Token', '$.y $$ \\} \\\\']), '$.x\n$$.Task.Token\n$.y $$ } \\');
  assert.equal(expandSnippet('${1:{% \\$states.input %\\}}'), '{% $states.input %}');
  assert.equal(expandSnippet('$TM_FILENAME_BASE ${CURRENT_YEAR} ${NOPE:fallback}'), 'workflow.asl 2025 fallback');
  assert.throws(() => expandSnippet('"{% $states.input %}"'), /unknown snippet variable \$states/);
  assert.throws(() => expandSnippet('${1:unclosed'), /unexpected end/);
});
