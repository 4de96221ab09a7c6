/** A generated definition object with `count` top-level states. */
export function generateDefinition(count: number): { StartAt: string; States: Record<string, unknown> };
/** The pretty-printed JSON text of `generateDefinition(count)`. */
export function generateText(count: number): string;
