// When to compile functions straight to baseline code. The incremental path (splice, refresh,
// relocation) runs for the first time on the first keystroke; in the interpreter the first ~20
// edits of a 1,000-state document took about 50% longer. Setting V8's --always-sparkplug from the
// start would also compile everything loaded and run before the first diagnostics, so it is
// turned on when the first incremental analysis starts: start-up stays as it was.
import { setFlagsFromString } from 'node:v8';

let switched = false;

/** From now on, every function V8 compiles gets baseline code on its first call. Idempotent. */
export function compileBaselineFromNowOn(): void {
  if (switched) return;
  switched = true;
  setFlagsFromString('--always-sparkplug');
}
