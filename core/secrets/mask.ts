// Masking for secret values: every message, log line and report shows at most the first four
// characters of a secret (fewer for short values), then `…`.

/**
 * The first min(4, floor(length / 4)) characters of `value`, then `…`.
 * @example mask('ghp_abcdefghijklmnopqrstuvwxyz0123456789') === 'ghp_…'
 * @example mask('hunter2') === 'h…'
 */
export function mask(value: string): string {
  const chars = Array.from(value.trim());
  const keep = Math.min(4, Math.floor(chars.length / 4));
  return `${chars.slice(0, keep).join('')}…`;
}

/**
 * A parser's message with every quoted token longer than `keep` characters masked: parsers quote
 * the text they stopped at (`Expected ":", got "Bearer ghp_…"`), which may be a credential.
 * @example maskQuoted('Expected ":", got "Bearer abcdefgh12345678"') === 'Expected ":", got "Bear…"'
 */
export function maskQuoted(message: string, keep = 8): string {
  return message.replace(/"([^"]*)"|`([^`]*)`/g, (whole, dq: string | undefined, bq: string | undefined) => {
    const token = dq ?? bq ?? '';
    const quote = dq !== undefined ? '"' : '`';
    return token.length > keep ? `${quote}${mask(token)}${quote}` : whole;
  });
}
