// Incremental JSON re-parse: when an edit falls strictly inside one object node (a state), only
// that node's new text is parsed and spliced into the previous tree; every later offset shifts.
// At the 1 MB definition limit this turns a ~50 ms full parse into a few milliseconds.
import type { ParseError } from 'jsonc-parser';
import { parseJsonTree } from './json-tree';
import { parseJsonStrictInSteps } from './fast-json';
import { OffsetTable, SyntaxNode, type AstNode } from './ast';
import { maskPlaceholders, prescanJsonInSteps } from './prescan';
import { detachedCopy } from '../text/detached-copy';
import type { PieceText } from '../text/piece-text';

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
 * In steps: the pre-scan and the parse pause as in a full parse, since one state may be huge.
 */
export function* spliceObjectInSteps(root: AstNode, target: AstNode, newText: string | PieceText, change: TextChange): Generator<void, AstNode | undefined> {
  if (!(root instanceof SyntaxNode)) return undefined;
  const table = root.table;
  const delta = change.text.length - change.length;
  const oldEnd = target.offset + target.length;
  if (!(change.offset > target.offset && change.offset + change.length < oldEnd)) return undefined;
  const start = target.offset;
  // A copy, not a slice: values parsed from a slice would keep this whole version of the text alive.
  const end = start + target.length + delta;
  const fragment = typeof newText === 'string' ? detachedCopy(newText, start, end) : newText.copy(start, end);
  const scan = yield* prescanJsonInSteps(fragment);
  if (scan.tooDeepAt !== undefined) return undefined;
  const holder = target.parent;
  const slot = holder?.children?.indexOf(target) ?? -1;
  if (!holder || slot < 0) return undefined;
  const errors: ParseError[] = [];
  const before = table.size;
  const masked = maskPlaceholders(fragment, scan.placeholders);
  const parsed = (yield* parseJsonStrictInSteps(masked, table, start)) ?? parseJsonTree(masked, errors, { allowTrailingComma: true }, table, start);
  if (errors.length || parsed?.type !== 'object' || parsed.offset !== start || parsed.length !== fragment.length) {
    table.dead += table.size - before;
    return undefined;
  }
  // The fragment's nodes were placed in the new text already; shift everything else, then swap.
  const added = table.size;
  table.shift(change.offset, change.offset + change.length, delta, before, added);
  if (scan.placeholders.length) restorePlaceholders(parsed, fragment, start, scan.placeholders);
  parsed.parent = holder;
  holder.children![slot] = parsed;
  table.dead += countNodes(target);
  if (table.dead > 4096 && table.dead > table.size / 2) compact(root);
  return parsed;
}

function restorePlaceholders(node: AstNode, fragment: string, start: number, placeholders: { offset: number; length: number }[]): void {
  const lengths = new Map(placeholders.map((p) => [p.offset + start, p.length]));
  const stack: AstNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.type === 'string' && lengths.get(current.offset) === current.length) {
      current.value = fragment.substr(current.offset - start, current.length);
      current.bare = true;
    }
    if (current.children) for (const child of current.children) stack.push(child);
  }
}

function countNodes(node: AstNode): number {
  let count = 1;
  if (node.children) for (const child of node.children) count += countNodes(child);
  return count;
}

/** Rebuilds the table with live nodes only, so replaced states do not slow every later shift. */
function compact(root: SyntaxNode): void {
  const old = root.table;
  const fresh = new OffsetTable();
  const visit = (node: AstNode) => {
    const moved = node as SyntaxNode;
    const id = fresh.addFrom(old, moved.id);
    moved.id = id;
    moved.table = fresh;
    if (node.children) for (const child of node.children) visit(child);
  };
  visit(root);
}
