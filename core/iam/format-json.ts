// Plain IAM policy JSON: open region/account/state-machine parts become clear placeholders (or
// the concrete values the caller gives).
import { ACCOUNT, REGION, SELF_NAME } from './arn';
import type { PolicyDocument, PolicyResult, PolicyStatement } from './generate-policy';

export interface JsonFormatOptions {
  /** Fills the open region (default `<region>`). */
  region?: string;
  /** Fills the open account (default `<account-id>`). */
  account?: string;
  /** Fills the state machine's own name (default `<state-machine-name>`). */
  stateMachineName?: string;
}

/** Replaces the open-value tokens in one string. */
export function fillTokens(text: string, options: JsonFormatOptions = {}): string {
  return text
    .split(REGION).join(options.region ?? '<region>')
    .split(ACCOUNT).join(options.account ?? '<account-id>')
    .split(SELF_NAME).join(options.stateMachineName ?? '<state-machine-name>');
}

/** The policy document with its tokens filled. */
export function jsonDocument(result: PolicyResult, options: JsonFormatOptions = {}): PolicyDocument {
  const fill = (s: PolicyStatement): PolicyStatement => ({
    ...s,
    Resource: s.Resource.map((r) => fillTokens(r, options)),
    ...(s.Condition
      ? { Condition: Object.fromEntries(Object.entries(s.Condition).map(([op, kv]) => [op, Object.fromEntries(Object.entries(kv).map(([k, v]) => [k, v.map((x) => fillTokens(x, options))]))])) }
      : {}),
  });
  return { Version: result.document.Version, Statement: result.document.Statement.map(fill) };
}

/**
 * IAM policy JSON, two-space indented.
 * @example formatJson(result) // '{\n  "Version": "2012-10-17",\n  "Statement": [ ... ] }'
 */
export function formatJson(result: PolicyResult, options: JsonFormatOptions = {}): string {
  return JSON.stringify(jsonDocument(result, options), null, 2) + '\n';
}
