/** The median of a list of numbers. */
export function median(values: number[]): number;
/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number;
