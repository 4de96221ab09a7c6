// SEC007: an HTTP Task's ApiEndpoint is computed from state data at run time (a `.$` path, an
// intrinsic, a JSONata expression). When the host itself comes from data it is request forgery;
// when only the path does (`States.Format('https://api.example.com/{}', $.id)`) it is milder.
import { isDynamicKey, isJsonata } from '../model/values';
import { defineRule } from './define-rule';
import { httpTaskParts } from '../secrets/integrations';
import { dataReferences, intrinsicLiterals, jsonataAst } from '../secrets/expressions';
import type { JsonataNode } from '../expressions/jsonata';

/** A literal prefix that fixes scheme and host: `https://api.example.com/`. */
const FIXED_HOST = /^https?:\/\/([^/{}\s?#]+)\//i;
const DATA_SOURCES = new Set(['state-input', 'execution-input', 'variable', 'map-item']);

export default defineRule({
  code: 'SEC007',
  name: 'runtime-http-endpoint',
  title: 'HTTP endpoint chosen at run time',
  description: "An HTTP Task's ApiEndpoint is built from state data: request forgery, and no policy condition can scope it.",
  category: 'security',
  severity: 'warning',
  cwe: ['CWE-918'],
  options: {
    reportFixedHost: { type: 'boolean', default: true, description: 'Also report endpoints whose scheme and host are literal and only the path comes from data (at `info` severity).' },
  },
  messages: {
    runtimeHost:
      'ApiEndpoint is taken from state data ({{source}}): whoever controls the input chooses where the request, and the connection\'s credentials, go (server-side request forgery), and no states:HTTPEndpoint condition can scope the policy. Use a literal endpoint, or check the value against an allow-list in a Choice state first.',
    runtimePath:
      'ApiEndpoint has a fixed host ({{host}}) but its path comes from state data ({{source}}). Scope the policy with a states:HTTPEndpoint condition such as "https://{{host}}/*" and validate the path segment (no "../", "?" or "#").',
  },
  checkState(state, ctx) {
    const endpoint = httpTaskParts(state)?.endpoint;
    if (!endpoint || endpoint.node.type !== 'string' || endpoint.node.bare) return;
    const value = endpoint.node.value as string;
    const dynamic = isDynamicKey(endpoint.key);
    if (!dynamic && !isJsonata(value)) return;
    const refs = dataReferences(value, dynamic).filter((r) => DATA_SOURCES.has(r.source));
    // Constants and context values (`$$.Execution.Name`) are not data a caller controls.
    if (!refs.length) return;
    const source = refs.map((r) => r.text).join(', ');
    const host = fixedHost(value, dynamic);
    const data = { stateName: state.name, queryLanguage: state.queryLanguage, hostFixed: host !== undefined, host, references: refs.map((r) => r.text) };
    if (host === undefined) {
      ctx.report({ messageId: 'runtimeHost', node: endpoint.node, data: { source }, findingData: data });
    } else if (ctx.options.reportFixedHost !== false) {
      ctx.report({ messageId: 'runtimePath', node: endpoint.node, severity: 'info', data: { source, host }, findingData: data });
    }
  },
});

/** The host when the endpoint starts with a literal `scheme://host/`, else undefined. */
function fixedHost(value: string, dynamic: boolean): string | undefined {
  let prefix: string | undefined;
  if (isJsonata(value)) {
    const ast = jsonataAst(value);
    prefix = ast ? leftmostLiteral(ast) : undefined;
  } else if (dynamic && /^\s*States\.Format\s*\(/.test(value)) {
    prefix = intrinsicLiterals(value)[0]?.split('{}')[0];
  }
  const authority = prefix ? FIXED_HOST.exec(prefix)?.[1] : undefined;
  // `user:password@host`: the host only; the credentials are SEC004's and are never printed.
  return authority?.slice(authority.lastIndexOf('@') + 1);
}

/** The first operand of a `&` concatenation when it is a string literal. */
function leftmostLiteral(node: JsonataNode): string | undefined {
  let current: JsonataNode | undefined = node;
  while (current) {
    if (current.type === 'string' && typeof current.value === 'string') return current.value;
    if (current.type === 'binary' && current.value === '&') current = current.lhs as JsonataNode;
    else if (current.type === 'block' && Array.isArray(current.expressions) && current.expressions.length === 1) current = current.expressions[0] as JsonataNode;
    else return undefined;
  }
  return undefined;
}
