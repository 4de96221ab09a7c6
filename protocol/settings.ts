// The `aslGuard.*` settings as both sides see them: the client contributes them, the server
// reads them through workspace/configuration (or didChangeConfiguration for simpler clients).
import type { UserConfig } from '../core/config/config';

/** The configuration section every setting lives under. */
export const SETTINGS_SECTION = 'aslGuard';

/** Levels a rule can be set to in `aslGuard.rules`. */
export const RULE_LEVELS = ['error', 'warning', 'info', 'hint', 'off'] as const;

/** Values of `aslGuard.trace.server` (read by vscode-languageclient itself). */
export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;

/**
 * The `aslGuard` section. `rules` and `workflowType` have the shape of `.asl-guard.json`
 * (core's UserConfig) and are merged over that file, settings winning.
 */
export interface AslGuardSettings extends UserConfig {
  trace?: { server?: (typeof TRACE_LEVELS)[number] };
  /** Switch plain .json/.yaml documents whose root has StartAt and States to ASL (client only). */
  detectStateMachines?: boolean;
}

/** Name of the optional per-workspace configuration file the server reads. */
export const CONFIG_FILE_NAME = '.asl-guard.json';

/**
 * The part of the `aslGuard` settings that core's loadConfig reads, as a config layer. Unset
 * values (null, "") stay unset so `.asl-guard.json` can decide; anything else goes to loadConfig,
 * which reports invalid values.
 * @example toUserConfig({ rules: { SEC001: 'off' }, workflowType: null, trace: { server: 'off' } }) // { rules: { SEC001: 'off' }, workflowType: undefined }
 */
export function toUserConfig(settings: unknown): unknown {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return settings ?? undefined;
  const { rules, workflowType } = settings as { rules?: unknown; workflowType?: unknown };
  return { rules: rules ?? undefined, workflowType: workflowType === null || workflowType === '' ? undefined : workflowType };
}
