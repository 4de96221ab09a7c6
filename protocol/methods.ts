// The custom `asl/...` LSP messages, typed once for both sides. Each one states its direction.
import { NotificationType, RequestType, type Range } from 'vscode-languageserver-protocol';
import type { PolicyFormat, PolicyNote } from '../core';

/** The editor language of a generated policy: IAM JSON, CloudFormation/SAM YAML or Terraform HCL. */
export type PolicyLanguage = 'json' | 'yaml' | 'terraform';

export interface GeneratePolicyParams {
  /** An open document; the policy is derived from its current version. */
  uri: string;
  /** A state name or JSON pointer: only that state and its nested states (default: the whole machine). */
  state?: string;
  format: PolicyFormat;
  /** Add the CloudWatch Logs delivery statement (the state machine has logging enabled). */
  includeLogging?: boolean;
  /** Add the X-Ray statement (the state machine has tracing enabled). */
  includeTracing?: boolean;
}

/** Something the user must know about the policy: a runtime-chosen or open resource, an action AWS cannot scope. */
export interface GeneratePolicyNote {
  message: string;
  kind: PolicyNote['kind'];
  state?: string;
  /** The value the note is about, in the definition. */
  range?: Range;
}

export interface GeneratePolicyResult {
  text: string;
  language: PolicyLanguage;
  notes: GeneratePolicyNote[];
}

/**
 * client -> server: the least-privilege IAM policy of a document (or one state), formatted.
 * Fails with InvalidParams when the document is not open, not a state machine, or has no such state.
 */
export const GeneratePolicyRequest = new RequestType<GeneratePolicyParams, GeneratePolicyResult, void>('asl/generatePolicy');

/**
 * `initializationOptions` the VS Code client sends. `workspaceTrusted: false` (Restricted Mode) makes the
 * server ignore every workspace folder's `.asl-guard.json`; a client that sends nothing is trusted.
 */
export interface AslGuardInitializationOptions {
  workspaceTrusted?: boolean;
  /** The aslGuard settings, for clients without workspace/configuration. */
  settings?: unknown;
}

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** client -> server: the workspace's trust changed (VS Code: the user trusted it); the server re-reads its configuration. */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('asl/workspaceTrust');
