// Types and names both the VS Code client and the language server import. No custom `asl/...`
// LSP messages exist yet: standard LSP covers diagnostics, symbols and navigation. New ones go
// in a `methods.ts` here, each with a JSDoc line stating its direction (client -> server or back).
export * from './settings';
export * from './languages';
export * from './commands';
