// Step Functions' own limits on JSONata expressions, on top of JSONata's syntax: an expression
// has no input context item (the input is `$states.input`), so a path that starts with a bare
// field name is refused at CreateStateMachine ("Reference to 'x' at the top level is not
// supported"), and `$eval` is not available.
import { walkJsonata, type JsonataNode } from './jsonata';
import { replacePlaceholders } from '../text/placeholders';

/** A problem found in a parsed expression, with indices into the expression body. */
export interface JsonataFinding {
  kind: 'top-level-name' | 'context-item' | 'unsupported-function';
  /** The name as written (`phone`, `$`, `$$`, `$eval`). */
  name: string;
  start: number;
  end: number;
}

/**
 * Replaces each `${Placeholder}` with a variable of the same length (`$_________`), so a
 * template's expression parses and offsets stay those of the original text.
 */
export function maskPlaceholdersForJsonata(body: string): string {
  return replacePlaceholders(body, (m) => '$' + '_'.repeat(m.length - 1));
}

const UNSUPPORTED_FUNCTIONS = new Set(['eval']);

/**
 * References to the (absent) context item at the top level of an expression, and calls of
 * functions Step Functions does not provide. Lambda bodies, predicates and later path steps
 * have their own context and are not "top level"; they are not searched for names.
 * @example jsonataProblems(ast of 'phone & $states.input.x')[0].name === 'phone'
 */
export function jsonataProblems(ast: JsonataNode): JsonataFinding[] {
  const out: JsonataFinding[] = [];
  // Top-level positions first, with a work list (expressions can nest deeply).
  const work: unknown[] = [ast];
  while (work.length) {
    const item = work.pop();
    if (Array.isArray(item)) {
      for (const x of item) work.push(x);
      continue;
    }
    const node = item as JsonataNode | undefined;
    if (!node || typeof node !== 'object' || typeof node.type !== 'string') continue;
    switch (node.type) {
      case 'path': {
        const first = (node.steps as JsonataNode[] | undefined)?.[0];
        if (first?.type === 'name') out.push(at('top-level-name', String(first.value), first));
        else if (first?.type === 'variable' && first.value === '$') out.push(at('context-item', '$$', first));
        else if (first) work.push(first);
        break;
      }
      case 'variable':
        if (node.value === '') out.push(at('context-item', '$', node));
        break;
      case 'function':
      case 'partial':
        work.push(node.arguments);
        break;
      case 'binary':
      case 'apply':
        work.push(node.lhs, node.rhs);
        break;
      case 'bind':
        work.push(node.rhs);
        break;
      case 'unary':
        work.push(node.expression, node.expressions, node.lhs);
        break;
      case 'condition':
        work.push(node.condition, node.then, node.else);
        break;
      case 'block':
        work.push(node.expressions);
        break;
      default:
        break; // lambdas, transforms, literals, regexes: nothing at the top level inside them
    }
  }
  walkJsonata(ast, (node) => {
    const proc = node.procedure as JsonataNode | undefined;
    if ((node.type === 'function' || node.type === 'partial') && proc?.type === 'variable' && UNSUPPORTED_FUNCTIONS.has(String(proc.value))) {
      out.push(at('unsupported-function', `$${String(proc.value)}`, proc));
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** jsonata positions mark the end of a token. */
function at(kind: JsonataFinding['kind'], name: string, node: JsonataNode): JsonataFinding {
  const end = typeof node.position === 'number' ? node.position : name.length;
  return { kind, name, start: Math.max(0, end - name.length), end };
}
