// What the engine reports: findings with offset ranges, and fixes as plain text edits.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** From most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

/** Replace `length` code units at `offset` with `newText` (offsets into the analysed text). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A change that resolves a finding, or a source action; always a pure edit of the document. */
export interface Fix {
  /** Stable within a rule, so a client can ask for it again by id. */
  id: string;
  title: string;
  kind: 'quickfix' | 'source';
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** `unnecessary` renders faded (unreachable states); `deprecated` struck through. */
export type FindingTag = 'unnecessary' | 'deprecated';

export interface Finding {
  /** The rule code, e.g. `SEC001`. */
  ruleId: string;
  /** The rule name, e.g. `inline-secret`. */
  ruleName: string;
  messageId: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  /** RFC 6901 pointer of the node the finding is about. */
  pointer: string;
  tags?: FindingTag[];
  /** Silenced by an `asl-guard-disable` Comment: kept for SARIF, hidden elsewhere. */
  suppressed?: boolean;
  fixes?: Fix[];
  /** Rule-specific facts for fixes, lenses and reports (never a secret value). */
  data?: Record<string, unknown>;
}
