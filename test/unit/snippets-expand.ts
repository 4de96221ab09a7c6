// Expands a VS Code snippet body the way the editor inserts it, so tests can analyse the result:
// `${1:default}` -> default, `$1`/`${1}` -> the value of tabstop 1, `${1|a,b|}` -> `a`, known
// `$TM_*`-style variables -> sample values. An unknown variable (`$states` left unescaped in a
// JSONata expression) throws: VS Code would insert its name as a placeholder and break the text.

/** Sample values for the variables VS Code resolves when it inserts a snippet. */
export const SNIPPET_VARIABLES: Readonly<Record<string, string>> = {
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  TM_FILENAME: 'workflow.asl.json',
  TM_FILENAME_BASE: 'workflow.asl',
  TM_DIRECTORY: '/workspace',
  TM_FILEPATH: '/workspace/workflow.asl.json',
  RELATIVE_FILEPATH: 'workflow.asl.json',
  CLIPBOARD: '',
  WORKSPACE_NAME: 'workspace',
  WORKSPACE_FOLDER: '/workspace',
  CURSOR_INDEX: '0',
  CURSOR_NUMBER: '1',
  CURRENT_YEAR: '2025',
  CURRENT_YEAR_SHORT: '25',
  CURRENT_MONTH: '01',
  CURRENT_MONTH_NAME: 'January',
  CURRENT_MONTH_NAME_SHORT: 'Jan',
  CURRENT_DATE: '01',
  CURRENT_DAY_NAME: 'Monday',
  CURRENT_DAY_NAME_SHORT: 'Mon',
  CURRENT_HOUR: '12',
  CURRENT_MINUTE: '00',
  CURRENT_SECOND: '00',
  CURRENT_SECONDS_UNIX: '1735732800',
  CURRENT_TIMEZONE_OFFSET: '+00:00',
  RANDOM: '123456',
  RANDOM_HEX: 'a1b2c3',
  UUID: '00000000-0000-4000-8000-000000000000',
  BLOCK_COMMENT_START: '/*',
  BLOCK_COMMENT_END: '*/',
  LINE_COMMENT: '//',
};

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

/** Parses snippet syntax; `stopAtBrace` ends a placeholder's default at its unescaped `}`. */
function parse(src: string, pos: number, stopAtBrace: boolean): { nodes: Node[]; pos: number } {
  const nodes: Node[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ kind: 'text', text });
    text = '';
  };
  while (pos < src.length) {
    const c = src[pos];
    if (c === '\\') {
      const next = src[pos + 1];
      if (next === '$' || next === '}' || next === '\\') {
        text += next;
        pos += 2;
      } else {
        text += c;
        pos++;
      }
      continue;
    }
    if (c === '}' && stopAtBrace) {
      flush();
      return { nodes, pos };
    }
    if (c !== '$') {
      text += c;
      pos++;
      continue;
    }
    const rest = src.slice(pos + 1);
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^(\d+)/))) {
      flush();
      nodes.push({ kind: 'tabstop', index: Number(m[1]) });
      pos += 1 + m[1].length;
    } else if ((m = rest.match(/^([_a-zA-Z][_a-zA-Z0-9]*)/))) {
      flush();
      nodes.push({ kind: 'variable', name: m[1] });
      pos += 1 + m[1].length;
    } else if ((m = rest.match(/^\{(\d+)\}/))) {
      flush();
      nodes.push({ kind: 'tabstop', index: Number(m[1]) });
      pos += 1 + m[0].length;
    } else if ((m = rest.match(/^\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/))) {
      flush();
      const options = m[2].split(/(?<!\\),/).map((o) => o.replace(/\\([,|\\$}])/g, '$1'));
      nodes.push({ kind: 'choice', index: Number(m[1]), options });
      pos += 1 + m[0].length;
    } else if ((m = rest.match(/^\{(\d+):/))) {
      flush();
      const inner = parse(src, pos + 1 + m[0].length, true);
      if (src[inner.pos] !== '}') throw new Error(`unclosed placeholder \${${m[1]}: at ${pos}`);
      nodes.push({ kind: 'placeholder', index: Number(m[1]), children: inner.nodes });
      pos = inner.pos + 1;
    } else if ((m = rest.match(/^\{([_a-zA-Z][_a-zA-Z0-9]*)(:|\})/))) {
      flush();
      if (m[2] === '}') {
        nodes.push({ kind: 'variable', name: m[1] });
        pos += 1 + m[0].length;
      } else {
        const inner = parse(src, pos + 1 + m[0].length, true);
        if (src[inner.pos] !== '}') throw new Error(`unclosed variable \${${m[1]}: at ${pos}`);
        nodes.push({ kind: 'variable', name: m[1], children: inner.nodes });
        pos = inner.pos + 1;
      }
    } else if (/^\{[_a-zA-Z0-9]+\//.test(rest)) {
      throw new Error(`transforms are not supported by this expander (at ${pos})`);
    } else {
      text += c; // a `$` that starts nothing (`$.x`, `$$`) is literal
      pos++;
    }
  }
  if (stopAtBrace) throw new Error('unexpected end of snippet inside a placeholder');
  flush();
  return { nodes, pos };
}

export interface ExpandOptions {
  /** Text for tabstops that have no placeholder default (`$1`, `${1}`); `$0` is always empty. */
  fill?: (index: number) => string;
  variables?: Readonly<Record<string, string>>;
}

/**
 * Expands a snippet body (lines joined with `\n`) into the text the editor inserts.
 * @example expandSnippet('"${1:Name}": $1') === '"Name": Name'
 */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const source = typeof body === 'string' ? body : body.join('\n');
  const { nodes } = parse(source, 0, false);
  const variables = options.variables ?? SNIPPET_VARIABLES;
  // The first placeholder or choice of an index decides what every occurrence shows (mirrors).
  const values = new Map<number, Node[] | string>();
  const collect = (list: Node[]) => {
    for (const n of list) {
      if (n.kind === 'placeholder') {
        if (!values.has(n.index)) values.set(n.index, n.children);
        collect(n.children);
      } else if (n.kind === 'choice' && !values.has(n.index)) values.set(n.index, n.options[0] ?? '');
      else if (n.kind === 'variable' && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (list: Node[], depth: number): string =>
    list
      .map((n) => {
        if (depth > 20) throw new Error('placeholders nest too deeply (a placeholder mirrors itself?)');
        switch (n.kind) {
          case 'text':
            return n.text;
          case 'tabstop':
          case 'placeholder':
          case 'choice': {
            const v = values.get(n.index);
            if (v === undefined) return n.index === 0 ? '' : (options.fill?.(n.index) ?? '');
            return typeof v === 'string' ? v : render(v, depth + 1);
          }
          case 'variable': {
            if (n.name in variables) return variables[n.name];
            if (n.children) return render(n.children, depth + 1);
            throw new Error(`unknown snippet variable $${n.name}: escape a literal "$" as "\\$"`);
          }
        }
      })
      .join('');
  return render(nodes, 0);
}
