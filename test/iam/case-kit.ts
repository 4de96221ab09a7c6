// Shared pieces of the IAM test cases: the values that fill open ARN parts, the case shape and
// small builders for states and expected statements.
import type { GeneratePolicyOptions } from '../../core/iam';

export const FILL = { region: 'us-east-1', account: '123456789012', stateMachineName: 'MyMachine' };
export const R = FILL.region;
export const A = FILL.account;

export interface Call {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

export interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export interface IamCase {
  name: string;
  /** The States object (StartAt is the first state), or a whole definition with `StartAt`. */
  definition: Record<string, unknown>;
  options?: GeneratePolicyOptions;
  statements: Statement[];
  allowed: Call[];
  denied: Call[];
}

export const task = (Resource: string, extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource, ...extra, End: true });
export const allow = (Sid: string, Action: string[], Resource: string[], Condition?: Statement['Condition']): Statement => ({ Sid, Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) });
export const rule = (Sid: string, name: string) => allow(Sid, ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], [`arn:aws:events:${R}:${A}:rule/${name}`]);

