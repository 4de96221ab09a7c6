// What a string value in a definition is: a JSONPath reference, an intrinsic call, a JSONata
// expression, a deploy-time placeholder or a literal. Every rule asks these same questions.

/** `{% ... %}`: the whole string is a JSONata expression. */
export function isJsonata(value: string): boolean {
  const t = value.trim();
  return t.startsWith('{%') && t.endsWith('%}') && t.length >= 4;
}

/** The expression inside `{% ... %}`, with its offset within the string value. */
export function jsonataBody(value: string): { body: string; start: number } | undefined {
  const open = value.indexOf('{%');
  const close = value.lastIndexOf('%}');
  if (open < 0 || close < open + 2 || value.slice(0, open).trim() || value.slice(close + 2).trim()) return undefined;
  return { body: value.slice(open + 2, close), start: open + 2 };
}

/** A JSONPath reference: `$.x`, `$$.Execution.Input`, `$var`, `$`. */
export function isPath(value: string): boolean {
  return value.startsWith('$');
}

/** A reference to the context object: `$$...`. */
export function isContextPath(value: string): boolean {
  return value.startsWith('$$');
}

/** An intrinsic function call such as `States.Format('...', $.x)`. */
export function isIntrinsic(value: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(value);
}

export { hasPlaceholder, isPlaceholder } from '../text/placeholders';

/** A key whose value Step Functions evaluates as a path or intrinsic (`Name.$`). */
export function isDynamicKey(key: string): boolean {
  return key.endsWith('.$');
}

/** `Name.$` -> `Name`. */
export function baseKey(key: string): string {
  return key.endsWith('.$') ? key.slice(0, -2) : key;
}

/** A value computed at run time from state data or context: a `.$` key's value or a JSONata expression. */
export function isRuntimeValue(key: string, value: string): boolean {
  return isDynamicKey(key) || isJsonata(value);
}
