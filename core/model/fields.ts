// What Amazon States Language allows where: the fields of the top level, of each state type, of
// branches, processors, retriers, catchers and Choice rules; which query language each field
// belongs to; and the value each field takes. Data, not code: ASL006 checks against it, and
// completion and hover can read the same tables.
import type { QueryLanguage, StateType } from './types';

/** The kind of value a field takes. */
export type ValueKind =
  | 'string'
  | 'boolean'
  | 'object'
  | 'array'
  | 'any'
  | 'positive-integer'
  | 'non-negative-integer'
  | 'number'
  | 'percentage'
  | 'timestamp'
  | 'path' // a Path, or null
  | 'reference-path'
  | 'result-path' // a reference path, or null
  | 'path-or-intrinsic' // ErrorPath, CausePath
  | 'state-name';

/** What one field means and takes (for checks, completion and hover). */
export interface FieldInfo {
  description: string;
  value: ValueKind;
  /** Set when the field exists in one query language only. */
  language?: QueryLanguage;
  /** Allowed string values. */
  values?: readonly string[];
  /** The field of the other query language that does the same job. */
  counterpart?: string;
  deprecated?: string;
}

const JSONPATH = 'JSONPath' as const;
const JSONATA = 'JSONata' as const;

/** Every field a state may carry, with its meaning and value. */
export const STATE_FIELDS: Readonly<Record<string, FieldInfo>> = {
  Type: { description: 'The state type.', value: 'string', values: ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'] },
  Comment: { description: 'A human-readable description.', value: 'string' },
  QueryLanguage: { description: 'The query language of this state.', value: 'string', values: ['JSONPath', 'JSONata'] },
  Next: { description: 'The state to run next.', value: 'state-name' },
  End: { description: 'Ends the execution (or the branch) after this state.', value: 'boolean' },
  InputPath: { description: 'Selects part of the input.', value: 'path', language: JSONPATH, counterpart: 'Arguments' },
  OutputPath: { description: 'Selects part of the output.', value: 'path', language: JSONPATH, counterpart: 'Output' },
  Parameters: { description: 'A payload template for the input.', value: 'object', language: JSONPATH, counterpart: 'Arguments' },
  ResultSelector: { description: 'A payload template applied to the result.', value: 'object', language: JSONPATH, counterpart: 'Output' },
  ResultPath: { description: 'Where the result goes in the input.', value: 'result-path', language: JSONPATH, counterpart: 'Output' },
  Result: { description: 'The fixed output of a Pass state.', value: 'any', language: JSONPATH, counterpart: 'Output' },
  Arguments: { description: 'The input of the task (JSONata).', value: 'any', language: JSONATA, counterpart: 'Parameters' },
  Output: { description: 'The output of the state (JSONata).', value: 'any', language: JSONATA, counterpart: 'OutputPath' },
  Assign: { description: 'Variables to set.', value: 'object' },
  Resource: { description: 'The ARN of the task to run.', value: 'string' },
  Credentials: { description: 'A role to assume for the task.', value: 'object' },
  TimeoutSeconds: { description: 'Task timeout in seconds.', value: 'positive-integer' },
  TimeoutSecondsPath: { description: 'Task timeout read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'TimeoutSeconds' },
  HeartbeatSeconds: { description: 'Heartbeat interval in seconds (less than TimeoutSeconds).', value: 'positive-integer' },
  HeartbeatSecondsPath: { description: 'Heartbeat interval read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'HeartbeatSeconds' },
  Retry: { description: 'Retriers for errors.', value: 'array' },
  Catch: { description: 'Catchers for errors.', value: 'array' },
  Choices: { description: 'Choice rules, tried in order.', value: 'array' },
  Default: { description: 'The state to run when no Choice rule matches.', value: 'state-name' },
  Seconds: { description: 'Seconds to wait.', value: 'non-negative-integer' },
  Timestamp: { description: 'When to stop waiting (RFC 3339).', value: 'timestamp' },
  SecondsPath: { description: 'Seconds to wait, read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'Seconds' },
  TimestampPath: { description: 'When to stop waiting, read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'Timestamp' },
  Error: { description: 'The error name.', value: 'string' },
  ErrorPath: { description: 'The error name, read from the input.', value: 'path-or-intrinsic', language: JSONPATH, counterpart: 'Error' },
  Cause: { description: 'The failure cause.', value: 'string' },
  CausePath: { description: 'The failure cause, read from the input.', value: 'path-or-intrinsic', language: JSONPATH, counterpart: 'Cause' },
  Branches: { description: 'The branches run in parallel.', value: 'array' },
  ItemProcessor: { description: 'The states run for each item.', value: 'object' },
  Iterator: { description: 'The states run for each item (deprecated).', value: 'object', deprecated: 'ItemProcessor' },
  ItemsPath: { description: 'The array to iterate over.', value: 'reference-path', language: JSONPATH, counterpart: 'Items' },
  Items: { description: 'The array to iterate over (JSONata).', value: 'any', language: JSONATA, counterpart: 'ItemsPath' },
  ItemSelector: { description: 'The input of each iteration.', value: 'any' },
  MaxConcurrency: { description: 'How many iterations run at once (0 = no limit).', value: 'non-negative-integer' },
  MaxConcurrencyPath: { description: 'MaxConcurrency read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'MaxConcurrency' },
  ItemReader: { description: 'Reads the items from Amazon S3 (Distributed Map).', value: 'object' },
  ItemBatcher: { description: 'Groups items into batches (Distributed Map).', value: 'object' },
  ResultWriter: { description: 'Writes the results to Amazon S3 (Distributed Map).', value: 'object' },
  ToleratedFailurePercentage: { description: 'Failed items tolerated, in percent.', value: 'percentage' },
  ToleratedFailurePercentagePath: { description: 'ToleratedFailurePercentage read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'ToleratedFailurePercentage' },
  ToleratedFailureCount: { description: 'Failed items tolerated.', value: 'non-negative-integer' },
  ToleratedFailureCountPath: { description: 'ToleratedFailureCount read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'ToleratedFailureCount' },
  Label: { description: 'A label for the Map Run (Distributed Map).', value: 'string' },
};

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const FLOW = ['Next', 'End'];
const IO = ['InputPath', 'OutputPath'];
const ERRORS = ['Retry', 'Catch'];

/** The fields each state type accepts. */
export const FIELDS_BY_TYPE: Readonly<Record<StateType, readonly string[]>> = {
  Task: [...COMMON, ...FLOW, ...IO, 'Resource', 'Parameters', 'Arguments', 'Credentials', 'ResultSelector', 'ResultPath', 'TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath', ...ERRORS, 'Output', 'Assign'],
  Pass: [...COMMON, ...FLOW, ...IO, 'Result', 'ResultPath', 'Parameters', 'Output', 'Assign'],
  Choice: [...COMMON, ...IO, 'Choices', 'Default', 'Output', 'Assign'],
  Wait: [...COMMON, ...FLOW, ...IO, 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath', 'Output', 'Assign'],
  Succeed: [...COMMON, ...IO, 'Output'],
  Fail: [...COMMON, 'Error', 'ErrorPath', 'Cause', 'CausePath'],
  Parallel: [...COMMON, ...FLOW, ...IO, 'Branches', 'Parameters', 'Arguments', 'ResultSelector', 'ResultPath', ...ERRORS, 'Output', 'Assign'],
  Map: [...COMMON, ...FLOW, ...IO, 'ItemProcessor', 'Iterator', 'ItemsPath', 'Items', 'ItemSelector', 'Parameters', 'MaxConcurrency', 'MaxConcurrencyPath', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'ToleratedFailurePercentage', 'ToleratedFailurePercentagePath', 'ToleratedFailureCount', 'ToleratedFailureCountPath', 'Label', 'ResultSelector', 'ResultPath', ...ERRORS, 'Output', 'Assign'],
};

/** Fields a state type must have (Map needs one of ItemProcessor or Iterator, checked apart). */
export const REQUIRED_BY_TYPE: Readonly<Partial<Record<StateType, readonly string[]>>> = {
  Task: ['Resource'],
  Choice: ['Choices'],
  Parallel: ['Branches'],
};

/** Groups of fields of which a state may set at most one. */
export const EXCLUSIVE_FIELDS: readonly (readonly string[])[] = [
  ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'],
  ['Error', 'ErrorPath'],
  ['Cause', 'CausePath'],
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ['MaxConcurrency', 'MaxConcurrencyPath'],
  ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
  ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ['ItemProcessor', 'Iterator'],
  ['ItemSelector', 'Parameters'],
];

/** Fields of the top level of a definition. */
export const ROOT_FIELDS: readonly string[] = ['StartAt', 'States', 'Comment', 'Version', 'TimeoutSeconds', 'QueryLanguage'];
/** Fields of a Parallel branch and of a Map `Iterator`. */
export const BRANCH_FIELDS: readonly string[] = ['StartAt', 'States', 'Comment'];
/** Fields of a Map `ItemProcessor`. */
export const PROCESSOR_FIELDS: readonly string[] = ['StartAt', 'States', 'Comment', 'ProcessorConfig'];

/** Fields of the small objects inside states, with their value kinds. */
export const OBJECT_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldInfo>>>> = {
  Retrier: {
    ErrorEquals: { description: 'Error names this retrier handles.', value: 'array' },
    IntervalSeconds: { description: 'Seconds before the first retry (default 1).', value: 'positive-integer' },
    MaxAttempts: { description: 'Retries at most (default 3; 0 = never).', value: 'non-negative-integer' },
    BackoffRate: { description: 'Multiplier of the interval (default 2.0, at least 1).', value: 'number' },
    MaxDelaySeconds: { description: 'Upper bound of the interval.', value: 'positive-integer' },
    JitterStrategy: { description: 'Randomises the interval.', value: 'string', values: ['FULL', 'NONE'] },
    Comment: { description: 'A human-readable description.', value: 'string' },
  },
  Catcher: {
    ErrorEquals: { description: 'Error names this catcher handles.', value: 'array' },
    Next: { description: 'The state to run after the error.', value: 'state-name' },
    ResultPath: { description: 'Where the error output goes in the input.', value: 'result-path', language: JSONPATH, counterpart: 'Output' },
    Output: { description: 'The output after the error (JSONata).', value: 'any', language: JSONATA, counterpart: 'ResultPath' },
    Assign: { description: 'Variables to set.', value: 'object' },
    Comment: { description: 'A human-readable description.', value: 'string' },
  },
  ProcessorConfig: {
    Mode: { description: 'INLINE or DISTRIBUTED.', value: 'string', values: ['INLINE', 'DISTRIBUTED'] },
    ExecutionType: { description: 'Child workflow type of a Distributed Map.', value: 'string', values: ['STANDARD', 'EXPRESS'] },
  },
  ItemReader: {
    Resource: { description: 'arn:aws:states:::s3:getObject or s3:listObjectsV2.', value: 'string' },
    ReaderConfig: { description: 'Format of the items.', value: 'object' },
    Parameters: { description: 'Bucket and key or prefix.', value: 'object', language: JSONPATH, counterpart: 'Arguments' },
    Arguments: { description: 'Bucket and key or prefix (JSONata).', value: 'any', language: JSONATA, counterpart: 'Parameters' },
  },
  ItemBatcher: {
    MaxItemsPerBatch: { description: 'Items per batch.', value: 'positive-integer' },
    MaxItemsPerBatchPath: { description: 'Items per batch, read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'MaxItemsPerBatch' },
    MaxInputBytesPerBatch: { description: 'Bytes per batch.', value: 'positive-integer' },
    MaxInputBytesPerBatchPath: { description: 'Bytes per batch, read from the input.', value: 'reference-path', language: JSONPATH, counterpart: 'MaxInputBytesPerBatch' },
    BatchInput: { description: 'Fixed input added to every batch.', value: 'any' },
  },
  ResultWriter: {
    Resource: { description: 'arn:aws:states:::s3:putObject.', value: 'string' },
    Parameters: { description: 'Bucket and prefix.', value: 'object', language: JSONPATH, counterpart: 'Arguments' },
    Arguments: { description: 'Bucket and prefix (JSONata).', value: 'any', language: JSONATA, counterpart: 'Parameters' },
    WriterConfig: { description: 'Output format of the results.', value: 'object' },
  },
};

/** Comparison operators of a JSONPath Choice rule, with the value each compares against. */
export const COMPARISON_OPERATORS: Readonly<Record<string, ValueKind>> = Object.fromEntries([
  ...['String', 'Numeric', 'Timestamp'].flatMap((t) =>
    ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'].flatMap((op) => [
      [`${t}${op}`, t === 'String' ? 'string' : t === 'Numeric' ? 'number' : 'timestamp'],
      [`${t}${op}Path`, 'path'],
    ])),
  ['BooleanEquals', 'boolean'],
  ['BooleanEqualsPath', 'path'],
  ['StringMatches', 'string'],
  ...['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'].map((op) => [op, 'boolean']),
]) as Record<string, ValueKind>;

/** Boolean combinators of a JSONPath Choice rule. */
export const CHOICE_COMBINATORS: readonly string[] = ['And', 'Or', 'Not'];

/** Fields of a Choice rule besides its operator (Next only at the top level of a rule). */
export const CHOICE_RULE_FIELDS: Readonly<Record<string, FieldInfo>> = {
  Variable: { description: 'The value to compare (JSONPath).', value: 'path', language: JSONPATH, counterpart: 'Condition' },
  Condition: { description: 'A JSONata boolean expression.', value: 'any', language: JSONATA, counterpart: 'Variable' },
  Next: { description: 'The state to run when the rule matches.', value: 'state-name' },
  Output: { description: 'The output when the rule matches (JSONata).', value: 'any', language: JSONATA },
  Assign: { description: 'Variables to set when the rule matches.', value: 'object' },
  Comment: { description: 'A human-readable description.', value: 'string' },
};

/** Error names Step Functions defines itself. */
export const PREDEFINED_ERRORS: readonly string[] = [
  'States.ALL', 'States.HeartbeatTimeout', 'States.Timeout', 'States.TaskFailed', 'States.Permissions',
  'States.ResultPathMatchFailure', 'States.ParameterPathFailure', 'States.QueryEvaluationError', 'States.BranchFailed',
  'States.NoChoiceMatched', 'States.IntrinsicFailure', 'States.ExceedToleratedFailureThreshold', 'States.ItemReaderFailed',
  'States.ResultWriterFailed', 'States.Runtime',
];

/** Every state field name known for any state type (to tell "misplaced" from "unknown"). */
export const ALL_STATE_FIELDS: ReadonlySet<string> = new Set(Object.keys(STATE_FIELDS));

/** True when `field` is allowed on a state of `type` (ignoring the query language). */
export function allowsField(type: StateType, field: string): boolean {
  return FIELDS_BY_TYPE[type].includes(field);
}
