// jsonc-parser's parseTree, rebuilt on its `visit` API so the tree is made of SyntaxNode objects
// (one V8 shape) instead of object literals of five different shapes. Same tolerant parsing,
// same errors, same node layout.
import { visit, type JSONVisitor, type ParseError, type ParseOptions } from 'jsonc-parser';
import { OffsetTable, SyntaxNode, type AstNode } from './ast';

/**
 * Parses `text` into SyntaxNodes whose offsets go into `table`, moved by `base` (where the text
 * starts in the document, when a fragment is re-parsed).
 */
export function parseJsonTree(text: string, errors: ParseError[], options: ParseOptions, table = new OffsetTable(), base = 0): AstNode | undefined {
  let current: AstNode = new SyntaxNode('array', table, -1, -1, undefined, undefined, true); // an artificial root
  table.dead++;
  const completeProperty = (endOffset: number) => {
    if (current.type === 'property') {
      current.length = base + endOffset - current.offset;
      current = current.parent!;
    }
  };
  const add = (node: AstNode) => {
    current.children!.push(node);
    return node;
  };
  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => {
      current = add(new SyntaxNode('object', table, base + offset, -1, current, undefined, true));
    },
    onObjectProperty: (name, offset, length) => {
      current = add(new SyntaxNode('property', table, base + offset, -1, current, undefined, true));
      current.children!.push(new SyntaxNode('string', table, base + offset, length, current, name));
    },
    onObjectEnd: (offset, length) => {
      completeProperty(offset + length); // a property without a value
      current.length = base + offset + length - current.offset;
      current = current.parent!;
      completeProperty(offset + length);
    },
    onArrayBegin: (offset) => {
      current = add(new SyntaxNode('array', table, base + offset, -1, current, undefined, true));
    },
    onArrayEnd: (offset, length) => {
      current.length = base + offset + length - current.offset;
      current = current.parent!;
      completeProperty(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      add(new SyntaxNode(typeOf(value), table, base + offset, length, current, value));
      completeProperty(offset + length);
    },
    onSeparator: (separator, offset) => {
      if (current.type !== 'property') return;
      if (separator === ':') current.colonOffset = base + offset;
      else if (separator === ',') completeProperty(offset);
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    },
  };
  visit(text, visitor, options);
  const result = current.children![0];
  if (result) result.parent = undefined;
  return result;
}

function typeOf(value: unknown): AstNode['type'] {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}
