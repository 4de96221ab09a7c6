// Vocabulary and embedded-language rules shared by the JSON and YAML grammars: JSONPath, intrinsic
// functions, JSONata blocks, ARNs and `${Placeholder}` substitutions, each built for one "host"
// (how the surrounding string quotes and escapes), because a `'` or `"` means different things in each.

/** One TextMate rule, as it appears in a `.tmLanguage.json` file. */
export type Rule = Record<string, unknown>;
/** A grammar's `repository`. */
export type Repository = Record<string, Rule>;

/** The eight state types (ASL spec). */
export const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

/** Fields whose value is user data (a payload template), not more ASL. */
export const PAYLOAD_FIELDS = ['Parameters', 'Arguments', 'ResultSelector', 'ItemSelector', 'Result', 'Output', 'Assign'];

/** Fields whose value names a state. */
export const TRANSITION_FIELDS = ['Next', 'StartAt', 'Default'];

/** Fields whose value is one of a few constants. */
export const ENUM_FIELDS = ['QueryLanguage', 'Mode', 'ExecutionType', 'JitterStrategy', 'InputType', 'CSVHeaderLocation', 'Transformation', 'OutputType'];

/** Fields whose string value is a JSONPath (`ResultPath`, `Variable`, every `*Path`). */
export const PATH_FIELD = String.raw`(?:Variable|[A-Z][A-Za-z]*Path)`;

/** Every other ASL field name (top level, states, Retry/Catch, Choice rules, Map configuration). */
export const FIELD_NAMES = [
  'Comment', 'StartAt', 'States', 'Version', 'TimeoutSeconds', 'QueryLanguage',
  'Type', 'Next', 'End', 'Resource', 'Credentials', 'RoleArn', 'HeartbeatSeconds', 'Retry', 'Catch',
  ...PAYLOAD_FIELDS,
  'Choices', 'Default', 'Condition', 'And', 'Or', 'Not', 'IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp',
  'StringEquals', 'StringLessThan', 'StringGreaterThan', 'StringLessThanEquals', 'StringGreaterThanEquals', 'StringMatches',
  'NumericEquals', 'NumericLessThan', 'NumericGreaterThan', 'NumericLessThanEquals', 'NumericGreaterThanEquals', 'BooleanEquals',
  'TimestampEquals', 'TimestampLessThan', 'TimestampGreaterThan', 'TimestampLessThanEquals', 'TimestampGreaterThanEquals',
  'Seconds', 'Timestamp', 'Error', 'Cause', 'Branches',
  'ItemProcessor', 'Iterator', 'ProcessorConfig', 'Mode', 'ExecutionType', 'Items', 'MaxConcurrency', 'ItemReader', 'ReaderConfig',
  'InputType', 'CSVHeaderLocation', 'CSVHeaders', 'MaxItems', 'ItemBatcher', 'MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput',
  'ResultWriter', 'WriterConfig', 'Transformation', 'OutputType', 'ToleratedFailurePercentage', 'ToleratedFailureCount', 'Label',
  'ErrorEquals', 'IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds', 'JitterStrategy',
];

/** Predefined error names (`States.ALL`, ...) as written in ErrorEquals. */
export const ERROR_NAMES = [
  'ALL', 'HeartbeatTimeout', 'Timeout', 'TaskFailed', 'Permissions', 'ResultPathMatchFailure', 'ParameterPathFailure',
  'QueryEvaluationError', 'BranchFailed', 'NoChoiceMatched', 'IntrinsicFailure', 'ExceedToleratedFailureThreshold',
  'ItemReaderFailed', 'ResultWriterFailed', 'Runtime',
];

/** JSONata 2.0 built-ins plus the functions Step Functions adds ($partition, $range, $hash, $random, $uuid, $parse). */
export const JSONATA_FUNCTIONS = [
  'sum', 'count', 'max', 'min', 'average', 'string', 'substring', 'substringBefore', 'substringAfter', 'lowercase', 'uppercase',
  'length', 'trim', 'pad', 'contains', 'split', 'join', 'match', 'replace', 'eval', 'base64encode', 'base64decode',
  'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl', 'number', 'abs', 'floor', 'ceil', 'round', 'power',
  'sqrt', 'random', 'formatNumber', 'formatBase', 'formatInteger', 'parseInteger', 'boolean', 'not', 'exists', 'append', 'sort',
  'reverse', 'shuffle', 'distinct', 'zip', 'keys', 'lookup', 'spread', 'merge', 'sift', 'each', 'error', 'assert', 'type', 'map',
  'filter', 'single', 'reduce', 'now', 'millis', 'fromMillis', 'toMillis', 'partition', 'range', 'hash', 'uuid', 'parse',
];

/** `(A|B|C)` with regex-safe words. */
export function oneOf(words: readonly string[]): string {
  return `(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}

/**
 * How the string that carries an embedded expression quotes and escapes:
 * `json` (JSON string), `ydq`/`ysq` (YAML double/single quoted), `yplain` (YAML plain scalar in
 * block context), `yflow` (plain scalar inside `[...]`/`{...}`), `yblock` (`|`/`>` block scalar).
 */
export interface Host {
  id: 'json' | 'ydq' | 'ysq' | 'yplain' | 'yflow' | 'yblock';
  /** Zero-width pattern that matches where the host string ends: embedded rules must stop there. */
  end: string;
  /** An escape of the host string (`\"` in JSON), and its scope; undefined when the host has none. */
  escape?: { match: string; name: string };
  /** A `'`-quoted literal inside the host: how it opens/closes and what escapes look like within it. */
  single: { open: string; close: string; escape: string };
  /** A `"`-quoted literal inside the host (JSONata, JSONPath brackets). */
  double: { open: string; close: string; escape: string };
}

const NEVER = '(?!)';

/** The hosts, by id. Escape regexes are written against the raw file text. */
export const HOSTS: Record<Host['id'], Host> = {
  // In a JSON string a literal backslash is written `\\`, so the intrinsic/JSONata escape `\'` is `\\'`.
  json: {
    id: 'json',
    end: '(?=")',
    escape: { match: String.raw`\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})`, name: 'constant.character.escape.asl' },
    single: { open: "'", close: "'", escape: String.raw`\\\\(?:\\.|[^\\])` },
    double: { open: String.raw`\\"`, close: String.raw`\\"`, escape: String.raw`\\\\(?:\\.|[^\\])` },
  },
  ydq: {
    id: 'ydq',
    end: '(?=")',
    escape: { match: String.raw`\\(?:[0abtnvfre "/\\N_LP\t]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})`, name: 'constant.character.escape.asl-yaml' },
    single: { open: "'", close: "'", escape: String.raw`\\\\(?:\\.|[^\\])` },
    double: { open: String.raw`\\"`, close: String.raw`\\"`, escape: String.raw`\\\\(?:\\.|[^\\])` },
  },
  // In a YAML single-quoted scalar a `'` is written `''`.
  ysq: {
    id: 'ysq',
    end: "(?='(?!'))",
    escape: { match: "''", name: 'constant.character.escape.asl-yaml' },
    single: { open: "''", close: "''", escape: String.raw`\\(?:''|[^'])` },
    double: { open: '"', close: '"', escape: String.raw`\\(?:''|[^'])` },
  },
  yplain: {
    id: 'yplain',
    end: String.raw`(?=[ \t]+#|[ \t]*$)`,
    single: { open: "'", close: "'", escape: String.raw`\\.` },
    double: { open: '"', close: '"', escape: String.raw`\\.` },
  },
  yflow: {
    id: 'yflow',
    end: String.raw`(?=[ \t]*[,\]}]|[ \t]+#|[ \t]*$)`,
    single: { open: "'", close: "'", escape: String.raw`\\.` },
    double: { open: '"', close: '"', escape: String.raw`\\.` },
  },
  yblock: {
    id: 'yblock',
    end: NEVER,
    single: { open: "'", close: "'", escape: String.raw`\\.` },
    double: { open: '"', close: '"', escape: String.raw`\\.` },
  },
};

/** `${Name}` deploy-time substitutions (SAM/CDK DefinitionSubstitutions, Terraform templatefile). */
export const placeholder: Rule = {
  match: String.raw`(\$\{)([^{}"\n]*)(\})`,
  name: 'variable.other.placeholder.asl',
  captures: {
    1: { name: 'punctuation.definition.placeholder.begin.asl' },
    3: { name: 'punctuation.definition.placeholder.end.asl' },
  },
};

function hostEscape(host: Host): Rule[] {
  return host.escape ? [{ match: host.escape.match, name: host.escape.name }] : [];
}

/** A `'...'` or `"..."` literal inside an embedded language, ending early if the host string ends. */
function literal(host: Host, quote: 'single' | 'double', scope: string, extra: Rule[] = []): Rule {
  const q = host[quote];
  return {
    begin: q.open,
    end: `${q.close}|${host.end}`,
    beginCaptures: { 0: { name: `punctuation.definition.string.begin.${scope.split('.').slice(-2).join('.')}` } },
    endCaptures: { 0: { name: `punctuation.definition.string.end.${scope.split('.').slice(-2).join('.')}` } },
    name: scope,
    patterns: [...extra, { match: q.escape, name: 'constant.character.escape.' + scope.split('.').slice(-2).join('.') }, ...hostEscape(host), { include: '#placeholder' }],
  };
}

/** Repository entries for one host: `#jsonpath-<host>`, `#intrinsic-<host>`, `#path-content-<host>`, `#jsonata-<host>`, `#arn-<host>`. */
export function embeddedRules(host: Host): Repository {
  const h = host.id;
  const segment = String.raw`\.{1,2}(?:\*|[^.\[\]\s,()'"\\]+)`;
  const repo: Repository = {};
  repo[`jsonpath-${h}`] = {
    comment: 'A JSONPath: `$.a.b[0]`, `$$.Task.Token` (context object), `$name` (a workflow variable).',
    begin: String.raw`(?=\$(?!\{))`,
    end: String.raw`(?=[\s,)])|${host.end}`,
    name: 'meta.jsonpath.asl',
    patterns: [
      { match: String.raw`\$\$`, name: 'keyword.other.jsonpath.context.asl' },
      { match: String.raw`\$[A-Za-z_][A-Za-z0-9_]*`, name: 'variable.other.workflow.asl' },
      { match: String.raw`\$`, name: 'keyword.other.jsonpath.root.asl' },
      { match: segment, name: 'variable.other.jsonpath.asl' },
      { include: `#jsonpath-brackets-${h}` },
    ],
  };
  repo[`jsonpath-brackets-${h}`] = {
    begin: String.raw`\[`,
    end: String.raw`\]|${host.end}`,
    beginCaptures: { 0: { name: 'punctuation.definition.brackets.begin.jsonpath.asl' } },
    endCaptures: { 0: { name: 'punctuation.definition.brackets.end.jsonpath.asl' } },
    name: 'meta.brackets.jsonpath.asl',
    patterns: [
      { include: `#jsonpath-brackets-${h}` },
      literal(host, 'single', 'string.quoted.single.jsonpath.asl'),
      literal(host, 'double', 'string.quoted.double.jsonpath.asl'),
      { match: String.raw`-?\d+(?:\.\d+)?`, name: 'constant.numeric.jsonpath.asl' },
      { match: String.raw`\b(?:true|false|null)\b`, name: 'constant.language.jsonpath.asl' },
      { match: '@', name: 'variable.language.current.jsonpath.asl' },
      { match: String.raw`\$\$|\$`, name: 'keyword.other.jsonpath.root.asl' },
      { match: String.raw`\*`, name: 'keyword.operator.wildcard.jsonpath.asl' },
      { match: String.raw`==|!=|<=|>=|=~|&&|\|\||[<>!?:]`, name: 'keyword.operator.jsonpath.asl' },
      { match: segment, name: 'variable.other.jsonpath.asl' },
      { match: ',', name: 'punctuation.separator.jsonpath.asl' },
      ...hostEscape(host),
    ],
  };
  repo[`intrinsic-${h}`] = {
    comment: 'An intrinsic function call: `States.Format(\'{}\', $.x)`, arguments may nest.',
    begin: String.raw`\b(States\.[A-Za-z][A-Za-z0-9]*)\s*(\()`,
    end: String.raw`(\))|${host.end}`,
    beginCaptures: { 1: { name: 'support.function.intrinsic.asl' }, 2: { name: 'punctuation.definition.arguments.begin.intrinsic.asl' } },
    endCaptures: { 1: { name: 'punctuation.definition.arguments.end.intrinsic.asl' } },
    name: 'meta.function-call.intrinsic.asl',
    patterns: [
      { include: `#intrinsic-${h}` },
      literal(host, 'single', 'string.quoted.single.intrinsic.asl', [
        // Inside the literal only `\'`, `\{`, `\}` and `\\` are escapes; `{}` is a States.Format slot.
        { match: host.id === 'json' || host.id === 'ydq' ? String.raw`\\\\(?:[{}']|\\\\)` : host.id === 'ysq' ? String.raw`\\(?:''|[{}\\])` : String.raw`\\[{}'\\]`, name: 'constant.character.escape.intrinsic.asl' },
        { match: String.raw`\{\}`, name: 'constant.other.placeholder.intrinsic.asl' },
      ]),
      { include: '#placeholder' },
      { include: `#jsonpath-${h}` },
      { match: String.raw`-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b`, name: 'constant.numeric.intrinsic.asl' },
      { match: String.raw`\b(?:true|false|null)\b`, name: 'constant.language.intrinsic.asl' },
      { match: ',', name: 'punctuation.separator.arguments.intrinsic.asl' },
      ...hostEscape(host),
    ],
  };
  repo[`path-content-${h}`] = {
    comment: 'The value of a `.$` key or a `*Path` field: a path or an intrinsic call.',
    patterns: [{ include: '#placeholder' }, { include: `#intrinsic-${h}` }, { include: `#jsonpath-${h}` }],
  };
  repo[`jsonata-${h}`] = {
    comment: 'A JSONata block `{% ... %}`: the whole string is an expression.',
    begin: h === 'yblock' ? String.raw`(\{%)` : String.raw`\G\s*(\{%)`,
    end: String.raw`(%\})|${host.end}`,
    beginCaptures: { 1: { name: 'punctuation.section.embedded.begin.jsonata.asl' } },
    endCaptures: { 1: { name: 'punctuation.section.embedded.end.jsonata.asl' } },
    contentName: 'meta.embedded.expression.jsonata.asl',
    patterns: [{ include: `#jsonata-body-${h}` }],
  };
  repo[`jsonata-body-${h}`] = {
    patterns: [
      { begin: String.raw`/\*`, end: String.raw`\*/|${host.end}`, name: 'comment.block.jsonata.asl' },
      literal(host, 'single', 'string.quoted.single.jsonata.asl'),
      literal(host, 'double', 'string.quoted.double.jsonata.asl'),
      { match: '`[^`]*`', name: 'variable.other.property.jsonata.asl' },
      { include: '#placeholder' },
      { match: String.raw`\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b`, name: 'constant.numeric.jsonata.asl' },
      { match: String.raw`\b(?:true|false|null)\b`, name: 'constant.language.jsonata.asl' },
      { match: String.raw`\b(?:and|or|in)\b`, name: 'keyword.operator.logical.jsonata.asl' },
      { match: String.raw`\bfunction\b|λ`, name: 'storage.type.function.jsonata.asl' },
      { match: String.raw`\$states\b`, name: 'variable.language.states.jsonata.asl' },
      { match: String.raw`\$${oneOf(JSONATA_FUNCTIONS)}(?=\s*\()`, name: 'support.function.jsonata.asl' },
      { match: String.raw`\$[A-Za-z_][A-Za-z0-9_]*(?=\s*\()`, name: 'entity.name.function.jsonata.asl' },
      { match: String.raw`\$[A-Za-z_][A-Za-z0-9_]*`, name: 'variable.other.jsonata.asl' },
      { match: String.raw`\$\$|\$`, name: 'variable.language.context.jsonata.asl' },
      { match: String.raw`:=|~>|!=|<=|>=|\.\.|\?:|\?\?|[-+*/%&=<>?:!^|#@~]`, name: 'keyword.operator.jsonata.asl' },
      { match: String.raw`\.`, name: 'punctuation.accessor.jsonata.asl' },
      { match: String.raw`[()]`, name: 'punctuation.section.parens.jsonata.asl' },
      { match: String.raw`[\[\]]`, name: 'punctuation.section.brackets.jsonata.asl' },
      { match: String.raw`[{}]`, name: 'punctuation.section.braces.jsonata.asl' },
      { match: '[,;]', name: 'punctuation.separator.jsonata.asl' },
      ...hostEscape(host),
    ],
  };
  repo[`arn-${h}`] = {
    comment: 'An ARN as the whole value; `.sync` / `.waitForTaskToken` name the integration pattern.',
    begin: h === 'yblock' ? String.raw`(?=arn:)` : String.raw`\G(?=arn:)`,
    end: h === 'json' || h === 'ydq' ? '(?=")' : host.end,
    name: 'string.other.arn.asl',
    patterns: [
      { include: '#placeholder' },
      { match: String.raw`\.(?:sync(?::2)?|waitForTaskToken)(?=$|[^\w:.])`, name: 'keyword.other.integration-pattern.asl' },
      ...hostEscape(host),
    ],
  };
  repo[`error-name-${h}`] = {
    comment: 'A predefined error name as the whole value (`States.ALL`).',
    match: String.raw`\GStates\.${oneOf(ERROR_NAMES)}(?![\w.(])`,
    name: 'support.constant.error.asl',
  };
  return repo;
}
