// YAML reads a lone CR (old Mac line endings) as a line break, but the `yaml` package and the fast
// path read only LF and CRLF: a CR-only file was one long comment line. A lone CR becomes LF before
// YAML is parsed; one character for one, so every offset stays exact.

/** `text` with each CR that is not followed by LF replaced by LF (CRLF is left alone). */
export function withLoneCrAsLf(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}
