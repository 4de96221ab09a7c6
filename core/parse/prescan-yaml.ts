// One linear pass over YAML text before the `yaml` package sees it. The package recurses while it
// parses flow collections (`[[[[...`) and compact block sequences (`- - - - x`), so 100,000 levels
// cost seconds and end in a caught stack overflow; this measures nesting first so such input is
// refused quickly with a clear message. It over-approximates (it does not know block scalars),
// which only matters for absurd input: real definitions stay far below the limit.
/**
 * Deeper than this, YAML is refused. Lower than JSON's limit because the `yaml` package already
 * overflows a default Node stack at about 850 levels of flow collections; real definitions stay
 * below 50.
 */
export const MAX_YAML_NESTING_DEPTH = 500;

/** Offset of the first place nesting goes deeper than `limit`, or undefined. */
export function yamlTooDeepAt(text: string, limit = MAX_YAML_NESTING_DEPTH): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Start of a line: block indentation, then compact "- " and "? " markers.
    let indent = 0;
    while (i < n && text[i] === ' ') {
      indent++;
      i++;
    }
    let blockDepth = 0;
    if (flow === 0 && i < n && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#') {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let k = i;
      while ((text[k] === '-' || text[k] === '?') && (text[k + 1] === ' ' || text[k + 1] === '\t')) {
        blockDepth++;
        k += 2;
        while (text[k] === ' ' || text[k] === '\t') k++;
      }
      if (indents.length + blockDepth > limit) return i;
    }
    // Rest of the line: flow brackets outside quotes and comments.
    let valueStart = true;
    while (i < n && text[i] !== '\n' && text[i] !== '\r') {
      const c = text[i];
      if (c === '"' || c === "'") {
        i = skipQuoted(text, i, c);
        valueStart = false;
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
        while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
        break;
      }
      if ((c === '[' || c === '{') && (flow > 0 || valueStart)) {
        flow++;
        if (flow + indents.length + blockDepth > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      if (c !== ' ' && c !== '\t') valueStart = c === ':' || c === '-' || c === '?' || c === ',' || c === '[' || c === '{';
      i++;
    }
    while (i < n && (text[i] === '\n' || text[i] === '\r')) i++;
  }
  return undefined;
}

/** Index after a quoted scalar starting at `i` (quoted scalars may span lines). */
function skipQuoted(text: string, i: number, quote: string): number {
  let k = i + 1;
  while (k < text.length) {
    if (quote === '"' && text[k] === '\\') k += 2;
    else if (text[k] === quote) {
      if (quote === "'" && text[k + 1] === "'") k += 2;
      else return k + 1;
    } else k++;
  }
  return k;
}
