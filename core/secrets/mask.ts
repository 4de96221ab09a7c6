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
