// Shapes shared by the integration table, the SDK action map and the policy generator.
import type { IntegrationPattern, ResourceKind } from '../model/types';

/** Partition, region and account of a Task's resource; region/account are tokens when open. */
export interface ArnEnv {
  partition: string;
  region: string;
  account: string;
}

/** Reads another parameter of the same task while an ARN is built (S3 Key beside Bucket). */
export type Sibling = (path: string) => string | undefined;

/** A parameter whose value names an AWS resource, and how its ARN is built. */
export interface ResourceParam {
  /**
   * Path under Parameters/Arguments: `FunctionName`, `Entries[].EventBusName`,
   * `Authentication.ConnectionArn`. Keys match with or without the `.$` suffix.
   */
  path: string;
  /** What it names, for messages and notes: `Lambda function`. */
  noun: string;
  /**
   * Builds the resource ARN from a literal name, an ARN or a pattern whose run-time parts are `*`.
   * @example lambda FunctionName: arn('orders', env) === 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:orders'
   */
  arn(value: string, env: ArnEnv, sibling: Sibling): string;
  /** The value Step Functions uses when the parameter is absent (`EventBusName` -> `default`). */
  fallback?: string;
  /** IAM002 does not report it: the policy still names the resource (API Gateway `Path`), or it is an id only known at run time. */
  notReported?: boolean;
  /** IAM002 reports a run-time value only when its pattern says so (`s3://bucket/<key>` only for a run-time bucket). */
  reportIf?(pattern: string): boolean;
}

/** Finds the ARN patterns of a parameter's values; `as` maps each (state machine -> its executions). */
export type Resolve = (path: string, as?: (arn: string) => string) => string[];

export interface Condition {
  operator: string;
  key: string;
  values: string[];
}

/** One statement an integration needs. */
export interface Grant {
  /** Says what the statement is for; statements with the same Sid and actions are merged. */
  sid: string;
  actions: string[];
  /** ARN patterns; `'*'` only with `starReason`, for actions AWS does not let you scope. */
  resources(resolve: Resolve, env: ArnEnv): string[];
  /** Why the resource is `*` (shown in notes); required when `resources` returns `['*']`. */
  starReason?: string;
  conditions?: Condition[];
}

/** What the table needs to know about one Task while choosing grants. */
export interface TaskView {
  pattern: IntegrationPattern;
  /** The parameter is written (with or without `.$`). */
  has(path: string): boolean;
  /** The parameter's literal string value, if it is one. */
  literal(path: string): string | undefined;
  /** The literal value, or the pattern of a run-time value (`https://api.example.com/*`). */
  shape(path: string): string | undefined;
}

/** One row of the integration table. */
export interface Integration {
  /** `lambda:invoke`, `aws-sdk:ssm:getParameter`, `map:itemReader:s3:getObject`. */
  id: string;
  title: string;
  kinds: ResourceKind[];
  service?: string;
  /** Step Functions action names (`invoke`, `publish`); absent = any. */
  actions?: string[];
  patterns: IntegrationPattern[];
  params: ResourceParam[];
  grants(task: TaskView): Grant[];
  /** Advice added to the notes whenever the integration is used. */
  advice?: string;
}
