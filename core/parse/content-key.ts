// A string that is equal for two subtrees exactly when they hold the same JSON content (keys,
// values, order), whatever their offsets: how a cache tells whether an edit changed what it read.
import type { AstNode } from './ast';

/** The content of `node` as a comparable key; '' for no node. */
export function contentKey(node: AstNode | undefined): string {
  if (!node) return '';
  const out: string[] = [];
  const visit = (n: AstNode) => {
    switch (n.type) {
      case 'object':
        out.push('{');
        for (const prop of n.children ?? []) {
          out.push(JSON.stringify(prop.children?.[0]?.value ?? ''), ':');
          const value = prop.children?.[1];
          if (value) visit(value);
          out.push(',');
        }
        out.push('}');
        break;
      case 'array':
        out.push('[');
        for (const child of n.children ?? []) {
          visit(child);
          out.push(',');
        }
        out.push(']');
        break;
      default:
        out.push(n.bare ? `bare:${String(n.value)}` : JSON.stringify(n.value ?? null));
    }
  };
  visit(node);
  return out.join('');
}
