// The tool's version and home page. The build injects package.json's version (esbuild `define`).

declare const __ASL_GUARD_VERSION__: string | undefined;

/** package.json's version in a build; `0.0.0-dev` when the sources run unbundled. */
export const VERSION: string = typeof __ASL_GUARD_VERSION__ === 'string' ? __ASL_GUARD_VERSION__ : '0.0.0-dev';

/** Where users read about the tool (SARIF `informationUri`). */
export const HOMEPAGE = 'https://github.com/asl-guard/asl-guard';

/** Where internal errors should be reported. */
export const BUGS_URL = 'https://github.com/asl-guard/asl-guard/issues';
