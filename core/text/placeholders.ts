// Deploy-time placeholders in string values: `${Name}` (SAM/CDK DefinitionSubstitutions, Terraform
// templatefile). One scanner for every rule. A regular expression such as /\$\{[^}]*\}/g is quadratic on
// hostile text (each of many `${` scans to the end when no `}` follows); this scan is linear and finds
// exactly what that expression finds: from each `${` to the first `}` after it, left to right.

/** `[start, end)` of every placeholder in `text`, in order. */
export function placeholderSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) return spans;
    const close = text.indexOf('}', start + 2);
    // No `}` after this `${` means none after any later `${` either.
    if (close < 0) return spans;
    spans.push([start, close + 1]);
    from = close + 1;
  }
}

/** Holds a deploy-time substitution (`${Name}`). */
export function hasPlaceholder(text: string): boolean {
  const start = text.indexOf('${');
  return start >= 0 && text.indexOf('}', start + 2) >= 0;
}

/**
 * The whole value (spaces around it aside) is one placeholder.
 * @example isPlaceholder(' ${Delay} ') // true
 * @example isPlaceholder('${A}-${B}') // false
 */
export function isPlaceholder(text: string): boolean {
  const value = text.trim();
  return value.startsWith('${') && value.indexOf('}') === value.length - 1;
}

/** `text` with every placeholder replaced by what `by` returns for it. */
export function replacePlaceholders(text: string, by: (placeholder: string) => string): string {
  const spans = placeholderSpans(text);
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + by(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** `text` without its placeholders. */
export function stripPlaceholders(text: string): string {
  return replacePlaceholders(text, () => '');
}

/**
 * `text` cut around its placeholders: the placeholders at odd indexes, the text between them at even
 * ones (as `text.split(/(\$\{[^}]*\})/)` would give).
 */
export function splitAtPlaceholders(text: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of placeholderSpans(text)) {
    parts.push(text.slice(at, start), text.slice(start, end));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

/**
 * Hides each placeholder behind `\u0000<n>\u0000` (so that colons inside `${AWS::Region}` do not split
 * an ARN), and gives the function that puts them back into any part of the hidden text.
 */
export function hidePlaceholders(text: string): { hidden: string; restore: (part: string) => string } {
  const originals: string[] = [];
  const hidden = replacePlaceholders(text, (p) => `\u0000${originals.push(p) - 1}\u0000`);
  const restore = (part: string) => (originals.length ? part.replace(/\u0000(\d+)\u0000/g, (_, i: string) => originals[Number(i)]) : part);
  return { hidden, restore };
}
