// Command ids the extension contributes (package.json `contributes.commands` uses the same strings).

/** Switches the active JSON/YAML editor's document to the ASL language. */
export const USE_ASL_LANGUAGE = 'aslGuard.useAslLanguage';

/** Every command id, for the manifest test. */
export const COMMAND_IDS: readonly string[] = [USE_ASL_LANGUAGE];
