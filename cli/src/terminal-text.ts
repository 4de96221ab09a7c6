// File names, keys and state names come from the repository being scanned. Printed raw, an ESC
// sequence would drive the terminal and a newline could forge a CI log line (`::warning …`), so
// every human-readable line the CLI prints goes through escapeControl, JSON/YAML/HCL output through
// escapeStructuredText.

/** C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional overrides. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The text with every control character written as an escape (`\n`, `\x1b`, `\u2028`), so it
 * stays on one line and cannot drive a terminal. Backslashes are left alone (Windows paths).
 * @example escapeControl('a\u001b[31mb\n::warning::x') === 'a\\x1b[31mb\\n::warning::x'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return SHORT[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** The same characters except the line feed, which is the structure of the formats below. */
const CONTROL_IN_STRINGS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON, YAML or HCL text whose control characters (other than its own line feeds) are written as
 * `\uXXXX`. In what the CLI prints they occur only inside double-quoted strings, where all three
 * formats read `\uXXXX` as the same character (JSON.stringify leaves DEL, C1, U+2028/2029 raw), so
 * the value is unchanged and the text is safe to `cat` in a terminal or CI log.
 * @example JSON.parse(escapeStructuredText(JSON.stringify('\u009b31m'))) === '\u009b31m'
 */
export function escapeStructuredText(text: string): string {
  return text.replace(CONTROL_IN_STRINGS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
