// Command ids the extension contributes (package.json `contributes.commands` uses the same strings),
// their arguments, and the code action kinds the server offers them under.
import type { PolicyFormat } from '../core';

/** Switches the active JSON/YAML editor's document to the ASL language. */
export const USE_ASL_LANGUAGE = 'aslGuard.useAslLanguage';

/**
 * Generates the least-privilege IAM policy for an ASL document (or one state) and opens it in a new
 * editor beside the definition. Run from the palette it takes the active editor and asks the format.
 */
export const GENERATE_POLICY = 'aslGuard.generatePolicy';

/** The argument of GENERATE_POLICY: what the server's code actions pass (every field optional). */
export interface GeneratePolicyArgs {
  /** The definition's document URI (default: the active editor's). */
  uri?: string;
  /** A state name or JSON pointer: the policy covers that state and its nested states (default: all). */
  state?: string;
  /** Asked with a quick pick when absent. */
  format?: PolicyFormat;
}

/** Code action kind of the "Generate least-privilege IAM policy" source actions (under `source`, like `source.fixAll.eslint`). */
export const SOURCE_GENERATE_POLICY = 'source.generatePolicy.aslGuard';

/** Every command id, for the manifest test. */
export const COMMAND_IDS: readonly string[] = [USE_ASL_LANGUAGE, GENERATE_POLICY];
