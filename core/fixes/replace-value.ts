// Edits that replace one scalar value in place, written the way the document's format needs.
import type { TextEdit } from '../findings/types';
import type { DocumentFormat } from '../parse';

/** Replaces a string node's text with `value`, quoted for JSON or YAML. */
export function replaceStringValue(node: { offset: number; length: number }, value: string, format: DocumentFormat): TextEdit {
  return { offset: node.offset, length: node.length, newText: format === 'json' ? JSON.stringify(value) : yamlScalar(value) };
}

/** A YAML scalar for `value`: plain when that is unambiguous, double-quoted otherwise. */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_][\w .\-/]*$/.test(value) && value.trim() === value && !/^(true|false|null|yes|no|on|off|~)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}
