export const core: typeof import('../core/index');
