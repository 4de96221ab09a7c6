// The rule contract: metadata (ESLint `meta` style) plus a check over one state or the document.
import type { AstNode, OffsetRange } from '../parse/ast';
import type { ParsedDocument } from '../parse';
import type { Finding, FindingTag, Fix, Severity } from '../findings/types';
import type { State, StateMachine } from '../model/types';
import type { StatePart } from '../model/derived';
import type { TextSource } from '../text/piece-text';

export type RuleCategory = 'security' | 'correctness' | 'best-practice';

export interface RuleOptionSpec {
  type: 'number' | 'boolean' | 'string' | 'string[]';
  default: number | boolean | string | string[];
  description: string;
}

export interface RuleMeta {
  /** Stable id: `SEC001`. */
  code: string;
  /** kebab-case, identical to the rule's file name and fixture folder: `inline-secret`. */
  name: string;
  title: string;
  description: string;
  category: RuleCategory;
  severity: Severity;
  /** Derived from the code; never typed by hand. */
  docsUrl: string;
  cwe?: string[];
  messages: Record<string, string>;
  options: Record<string, RuleOptionSpec>;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** The node to underline; or give `range`. */
  node?: AstNode;
  range?: OffsetRange;
  fixes?: Fix[];
  tags?: FindingTag[];
  /** Overrides the rule's default severity for this finding (a user setting still wins). */
  severity?: Severity;
  findingData?: Record<string, unknown>;
}

export interface RuleContext {
  /** The document's text; after an edit, read through pieces (no string of the whole document). */
  text: TextSource;
  parsed: ParsedDocument;
  /** Undefined when the root is not an object. */
  model: StateMachine | undefined;
  workflowType: 'STANDARD' | 'EXPRESS';
  /** This rule's options, defaults filled in. */
  options: Record<string, unknown>;
  report(report: Report): void;
}

export interface StateRuleContext extends RuleContext {
  model: StateMachine;
}

export interface Rule {
  meta: RuleMeta;
  /** Findings that depend only on one state's subtree (and the shared graph): cacheable per state. */
  checkState?(state: State, ctx: StateRuleContext): void;
  /**
   * Findings about the document as a whole. A rule that walks every state may be a generator
   * that yields now and then: the engine pauses there on documents far above the 1 MB limit.
   */
  checkDocument?(ctx: RuleContext): void | Generator<void, void>;
  /**
   * Set when checkDocument reads only the model's structure (names, types, transitions, scopes)
   * and text outside every state: an edit inside a state that keeps the structure then cannot
   * change its findings, and the previous ones are moved instead of re-computed.
   */
  documentReadsStructureOnly?: boolean;
  /**
   * Set when checkState reads more than the state's own subtree and the root's fields: other
   * states' names, types or transitions. After an edit that changes those, it re-runs for every
   * state; other state rules re-run only for states whose subtree changed.
   */
  stateReadsStructure?: boolean;
  /**
   * Set when checkState also reads part of other states (IAM002 traces a value back to the Pass
   * state or Assign block that wrote it): that part, as a key that changes exactly when the part
   * does. After an edit that changes it in some state, the rule re-runs for every state.
   */
  stateReadsStates?: StatePart;
}

export const DOCS_BASE_URL = 'https://github.com/asl-guard/asl-guard/blob/main/docs/rules/';

type RuleDefinition = Omit<RuleMeta, 'docsUrl' | 'options'> & {
  options?: Record<string, RuleOptionSpec>;
  checkState?: Rule['checkState'];
  checkDocument?: Rule['checkDocument'];
  documentReadsStructureOnly?: boolean;
  /**
   * Set when checkState reads more than the state's own subtree and the root's fields: other
   * states' names, types or transitions. After an edit that changes those, it re-runs for every
   * state; other state rules re-run only for states whose subtree changed.
   */
  stateReadsStructure?: boolean;
  stateReadsStates?: Rule['stateReadsStates'];
};

/** Declares a rule; fills in the docs URL from the code. */
export function defineRule(definition: RuleDefinition): Rule {
  const { checkState, checkDocument, documentReadsStructureOnly, stateReadsStructure, stateReadsStates, options, ...meta } = definition;
  return {
    meta: { ...meta, options: options ?? {}, docsUrl: `${DOCS_BASE_URL}${meta.code}.md` },
    checkState,
    checkDocument,
    documentReadsStructureOnly,
    stateReadsStructure,
    stateReadsStates,
  };
}

/** `Task {{name}} ...` with data -> the message text. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}

export type { Finding };
