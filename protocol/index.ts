// Types and names both the VS Code client and the language server import. Custom `asl/...` LSP
// messages live in `methods.ts`, each with a JSDoc line stating its direction.
export * from './settings';
export * from './languages';
export * from './commands';
export * from './methods';
