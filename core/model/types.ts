// The typed ASL model. It holds references into the syntax tree rather than copies, so every
// model element keeps its exact range and JSON pointer (and follows offset shifts of the tree).
import type { AstNode, ObjectNode } from '../parse/ast';
import type { DocumentFormat } from '../parse';

export type QueryLanguage = 'JSONPath' | 'JSONata';

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export const STATE_TYPES: readonly StateType[] = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

/** Where a transition is written. */
export type TransitionKind = 'Next' | 'Default' | 'Choice' | 'Catch';

export interface Transition {
  kind: TransitionKind;
  /** The target state name as written. */
  target: string;
  /** The string node holding the target name. */
  node: AstNode;
}

/** How Step Functions waits for a task (the Resource suffix). */
export type IntegrationPattern = 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken';

export type ResourceKind =
  | 'optimized' // arn:aws:states:::sns:publish
  | 'aws-sdk' // arn:aws:states:::aws-sdk:ssm:getParameter
  | 'http' // arn:aws:states:::http:invoke
  | 'lambda-function' // arn:aws:lambda:us-east-1:123456789012:function:name
  | 'activity' // arn:aws:states:us-east-1:123456789012:activity:name
  | 'placeholder' // ${LambdaArn}
  | 'expression' // a JSONata or other non-literal value
  | 'unknown';

/** A Task state's Resource, split into its parts. */
export interface TaskResource {
  raw: string;
  node: AstNode;
  kind: ResourceKind;
  partition?: string;
  region?: string;
  account?: string;
  /** `sns`, `lambda`, `ssm` (aws-sdk), `states`, `http` ... */
  service?: string;
  /** `publish`, `invoke`, `getParameter`, `startExecution` ... */
  action?: string;
  pattern: IntegrationPattern;
  /** For a direct Lambda or activity ARN: the function or activity name (with qualifier). */
  name?: string;
}

export type ScopeKind = 'root' | 'branch' | 'item-processor' | 'iterator';

/** A model object that can hold memoized facts (core/model/derived.ts). */
export interface Memoized {
  memo?: Map<string, unknown>;
}

/** A set of states with its own StartAt: the machine, a Parallel branch or a Map processor. */
export interface Scope extends Memoized {
  kind: ScopeKind;
  node: ObjectNode;
  /** The Parallel or Map state that owns this scope (undefined for the root). */
  owner?: State;
  startAt?: { name: string; node: AstNode };
  /** The `States` object node, if present and an object. */
  statesNode?: ObjectNode;
  /** States by name (the last one wins for duplicated names). */
  states: Map<string, State>;
  /** States in document order. */
  list: State[];
}

export interface State extends Memoized {
  name: string;
  /** The property key node (its range is the state's name). */
  keyNode: AstNode;
  /** The state's object node. */
  node: ObjectNode;
  scope: Scope;
  type?: StateType;
  /** The query language in force for this state. */
  queryLanguage: QueryLanguage;
  transitions: Transition[];
  /** `End: true` is set. */
  end: boolean;
  /** For Task states with a string Resource. */
  resource?: TaskResource;
  /** Parallel branches and Map processors. */
  children: Scope[];
  /** A per-analysis index, stable within one model. */
  index: number;
}

export interface StateMachine extends Memoized {
  format: DocumentFormat;
  root: ObjectNode;
  /** Query language set at the top level (default JSONPath). */
  queryLanguage: QueryLanguage;
  scope: Scope;
  /** Every state of every scope, in document order. */
  states: State[];
  scopes: Scope[];
}
