// ARN text: tokens for the parts a definition leaves open, splitting (placeholder-aware) and the
// builders the integration table shares (name-or-ARN, SQS URL, S3 URI ...).
import { hasPlaceholder } from '../model/values';
import { isDocPlaceholder } from './resource-value';
import type { ArnEnv, Sibling } from './types';
import { hidePlaceholders, isPlaceholder } from '../text/placeholders';

/** The region where the definition leaves it open (CloudFormation syntax; formatters translate). */
export const REGION = '${AWS::Region}';
/** The account where the definition leaves it open. */
export const ACCOUNT = '${AWS::AccountId}';
/** The name of the state machine the policy is for (Distributed Map, HTTP Task, self-calls). */
export const SELF_NAME = '${StateMachineName}';

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}


/** Splits `arn:partition:service:region:account:resource`; `${AWS::Region}` parts stay whole. */
export function splitArn(text: string): ArnParts | undefined {
  const { hidden, restore: put } = hidePlaceholders(text);
  const m = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/s.exec(hidden);
  if (!m) return undefined;
  return { partition: put(m[1]), service: put(m[2]), region: put(m[3]), account: put(m[4]), resource: put(m[5]) };
}

export function isArn(text: string): boolean {
  return text.startsWith('arn:');
}

/** Joins ARN parts; empty region/account stay empty (S3, IAM). */
export function joinArn(p: ArnParts): string {
  return `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`;
}

/**
 * Replaces documentation placeholders in an ARN's region and account (`<AWS_ACCOUNT_ID>`,
 * `REGION`) with the open-value tokens; anything else is returned unchanged.
 */
export function normalizeArn(text: string): string {
  const p = splitArn(text);
  if (!p) return text;
  const region = isDocPlaceholder(p.region, 'region') ? REGION : p.region;
  const account = isDocPlaceholder(p.account, 'account') ? ACCOUNT : p.account;
  return region === p.region && account === p.account ? text : joinArn({ ...p, region, account });
}

/** Which of region and account a service's ARNs carry: IAM has no region, S3 neither. */
export type ArnScope = 'regional' | 'account' | 'region' | 'global';

/** `arn:{partition}:{service}:{region}:{account}:{resource}` in the task's environment. */
export function arnIn(env: ArnEnv, service: string, resource: string, scope: ArnScope = 'regional'): string {
  const region = scope === 'regional' || scope === 'region' ? env.region : '';
  const account = scope === 'regional' || scope === 'account' ? env.account : '';
  return `arn:${env.partition}:${service}:${region}:${account}:${resource}`;
}

/**
 * A builder for parameters that take a name or an ARN: an ARN (or a placeholder that names
 * one) is used as written, a name is put into `resourcePrefix + name`.
 * @example nameOrArn('sns', '')('alerts', env) === 'arn:aws:sns:${AWS::Region}:${AWS::AccountId}:alerts'
 */
export function nameOrArn(service: string, resourcePrefix: string, scope: ArnScope = 'regional') {
  return (value: string, env: ArnEnv): string => (isArnValue(value) ? normalizeArn(value) : arnIn(env, service, resourcePrefix + value, scope));
}

/** An ARN, or a whole placeholder whose name says it holds one (`${OrdersTopicArn}`). */
export function isArnValue(value: string): boolean {
  return isArn(value) || (isPlaceholder(value) && /arn/i.test(value));
}

/** The last path segment of an ARN's resource part (`cluster/prod` -> `prod`), or the value itself. */
export function nameOf(value: string, type: string): string {
  if (!isArn(value)) return value;
  const resource = splitArn(value)?.resource ?? value;
  return resource.startsWith(`${type}/`) ? resource.slice(type.length + 1) : resource.startsWith(`${type}:`) ? resource.slice(type.length + 1) : resource;
}

/**
 * SQS queue URL -> queue ARN.
 * @example sqsArn('https://sqs.eu-west-1.amazonaws.com/123456789012/jobs', env) === 'arn:aws:sqs:eu-west-1:123456789012:jobs'
 */
export function sqsArn(value: string, env: ArnEnv): string {
  if (isArnValue(value)) return normalizeArn(value);
  const m = /^https?:\/\/([^/]+)\/([^/]+)\/([^/?#]+)\/?$/.exec(value.trim());
  if (!m) return arnIn(env, 'sqs', value.includes('/') ? '*' : value);
  const host = /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(m[1]) ?? /^([a-z0-9-]+)\.queue\.amazonaws\.com(\.cn)?$/.exec(m[1]);
  const region = host && host[1] !== 'queue' && !isDocPlaceholder(host[1], 'region') ? host[1] : env.region;
  const account = /^\d{12}$/.test(m[2]) || hasPlaceholder(m[2]) || m[2] === '*' ? m[2] : env.account;
  return `arn:${env.partition}:sqs:${region}:${account}:${m[3]}`;
}

/**
 * `s3://bucket/key` -> `arn:aws:s3:::bucket/key`; a bucket alone -> the bucket ARN.
 */
export function s3UriArn(value: string, env: ArnEnv): string {
  if (isArnValue(value)) return normalizeArn(value);
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(value.trim());
  if (!m) return `arn:${env.partition}:s3:::*`;
  return `arn:${env.partition}:s3:::${m[1] || '*'}/${m[2] ? m[2] : '*'}`;
}

/** A bucket name or bucket ARN -> the bucket ARN. */
export function bucketArn(value: string, env: ArnEnv): string {
  return isArnValue(value) ? normalizeArn(value) : `arn:${env.partition}:s3:::${value}`;
}

/** Appends an object pattern to a bucket ARN: (`arn:aws:s3:::b`, `in/`) -> `arn:aws:s3:::b/in/*`. */
export function objectsIn(bucket: string, prefix: string | undefined): string {
  const p = (prefix ?? '').replace(/^\/+/, '');
  return `${bucket}/${p.endsWith('*') ? p : `${p}*`}`;
}

/** `name`, `name:alias`, `123456789012:function:name` or a full ARN -> the function ARN (+ `Qualifier`). */
export function lambdaArn(value: string, env: ArnEnv, sibling: Sibling): string {
  const qualifier = sibling('Qualifier');
  const withQualifier = (arn: string) => (qualifier && arn.split(':').length === 7 ? `${arn}:${qualifier}` : arn);
  if (isArnValue(value)) return withQualifier(normalizeArn(value));
  const partial = /^([^:]+):function:(.+)$/.exec(value);
  if (partial) return withQualifier(`arn:${env.partition}:lambda:${env.region}:${partial[1]}:function:${partial[2]}`);
  return withQualifier(arnIn(env, 'lambda', `function:${value}`));
}

/** A state machine name or ARN -> its ARN. */
export const stateMachineArn = nameOrArn('states', 'stateMachine:');

/** `arn:...:stateMachine:name[:alias]` -> `arn:...:execution:name:*` (its executions). */
export function executionsOf(arn: string): string {
  const p = splitArn(arn);
  if (!p || !p.resource.startsWith('stateMachine:')) return arn;
  const name = p.resource.split(':')[1] || '*';
  return `arn:${p.partition}:${p.service}:${p.region}:${p.account}:execution:${name}:*`;
}

/** The state machine the policy is for (its name is left open). */
export function selfArn(env: ArnEnv): string {
  return arnIn(env, 'states', `stateMachine:${SELF_NAME}`);
}

/** `s3://bucket/key` or `bucket/key`: is the bucket part chosen at run time? */
export function runtimeBucket(pattern: string): boolean {
  return pattern.replace(/^s3:\/\//, '').split('/')[0].includes('*');
}
