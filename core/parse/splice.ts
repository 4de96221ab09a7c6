// Incremental JSON re-parse: when an edit falls strictly inside one object node (a state), only
// that node's new text is parsed and spliced into the previous tree; every later offset shifts.
// At the 1 MB definition limit this turns a ~50 ms full parse into a few milliseconds.
import { parseTree, type ParseError } from 'jsonc-parser';
import type { AstNode } from './ast';
import { maskPlaceholders, prescanJson } from './prescan';

/** One replacement in the previous text: `length` code units at `offset` become `text`. */
export interface TextChange {
  offset: number;
  length: number;
  text: string;
}

/**
 * Re-parses `target` (an object node of `root`, which must contain the change strictly inside its
 * braces) from `newText` and splices it in place. Mutates `root`; returns the new node, or
 * undefined when the new text of that span is not one well-formed object (then re-parse fully).
 */
export function spliceObject(root: AstNode, target: AstNode, newText: string, change: TextChange): AstNode | undefined {
  const delta = change.text.length - change.length;
  const oldEnd = target.offset + target.length;
  if (!(change.offset > target.offset && change.offset + change.length < oldEnd)) return undefined;
  const start = target.offset;
  const fragment = newText.substr(start, target.length + delta);
  const scan = prescanJson(fragment);
  if (scan.tooDeepAt !== undefined) return undefined;
  const errors: ParseError[] = [];
  const parsed = parseTree(maskPlaceholders(fragment, scan.placeholders), errors, { allowTrailingComma: true }) as unknown as AstNode | undefined;
  if (errors.length || parsed?.type !== 'object' || parsed.offset !== 0 || parsed.length !== fragment.length) return undefined;
  const holder = target.parent;
  const slot = holder?.children?.indexOf(target) ?? -1;
  if (!holder || slot < 0) return undefined;

  shiftAfter(root, change.offset + change.length, delta, change.offset);
  const placeholders = new Map(scan.placeholders.map((p) => [p.offset, p.length]));
  const stack: AstNode[] = [parsed];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'string' && placeholders.get(node.offset) === node.length) {
      node.value = fragment.substr(node.offset, node.length);
      node.bare = true;
    }
    node.offset += start;
    if (node.children) for (const child of node.children) stack.push(child);
  }
  parsed.parent = holder;
  holder.children![slot] = parsed;
  return parsed;
}

/**
 * Moves every node that starts at or after `oldEnd` by `delta`, and grows every node that
 * contains the changed span. Iterative: documents can hold hundreds of thousands of nodes.
 */
function shiftAfter(root: AstNode, oldEnd: number, delta: number, changeStart: number): void {
  if (delta === 0) return;
  const stack: AstNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const end = node.offset + node.length;
    if (node.offset >= oldEnd) {
      node.offset += delta;
    } else if (node.offset <= changeStart && end >= oldEnd) {
      node.length += delta;
    } else if (end <= changeStart) {
      continue; // entirely before the change: neither it nor its children move
    }
    if (node.colonOffset !== undefined && node.colonOffset >= oldEnd) node.colonOffset += delta;
    if (node.children) for (const child of node.children) stack.push(child);
  }
}
