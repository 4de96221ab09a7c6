// Keys written twice in one object. Step Functions rejects such a definition, and readers disagree
// on which one counts (JSON.parse and ASL Guard's model read the last): whatever sits under the
// others is hidden from a reader that takes the last, so the secret rules scan it on its own.
import { keyOf, propertiesOf, type AstNode, type PropertyNode } from '../parse/ast';

/** Below this many properties, a pairwise comparison is cheaper than a Set (keys are interned strings). */
const SMALL = 12;

/** The properties of `object` whose key appears again later in it, in document order. */
export function shadowedProperties(object: AstNode): PropertyNode[] {
  const props = propertiesOf(object);
  if (props.length < 2) return [];
  const out: PropertyNode[] = [];
  if (props.length < SMALL) {
    for (let i = 0; i < props.length - 1; i++) {
      const key = keyOf(props[i]);
      for (let j = i + 1; j < props.length; j++) {
        if (keyOf(props[j]) === key) {
          out.push(props[i]);
          break;
        }
      }
    }
    return out;
  }
  const later = new Set<string>();
  for (let i = props.length - 1; i >= 0; i--) {
    const key = keyOf(props[i]);
    if (later.has(key)) out.push(props[i]);
    else later.add(key);
  }
  return out.reverse();
}
