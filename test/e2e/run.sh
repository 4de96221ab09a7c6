#!/usr/bin/env bash
# Real VS Code end to end (`npm run test:e2e`): packages the extension, installs the .vsix into a
# throwaway code-server (VS Code 1.139 workbench + Node extension host), runs the extension-host
# tests and the UI scenarios in Debian's chromium, then the Neovim LSP probe. Offline after setup.
# Ends with "N passed, M failed"; exits non-zero on any failure; stops every process it started.
#   usage: bash test/e2e/run.sh [scenario-substring ...]    (substrings filter scenarios/*.test.mjs)
#   env:   E2E_HOME      tool cache (default ~/.cache/asl-guard-e2e)
#          E2E_SKIP      comma list of phases to skip: package (reuse dist/asl-guard.vsix), exthost, ui, nvim
#          E2E_VSIX      test this .vsix instead of packaging one
#          E2E_KEEP=1    keep the run's temp folder;  E2E_TRACE=1  log how long each workbench step took
#          E2E_RESULTS   where screenshots and logs go (default test-results/)
#          E2E_SERVE=1   start both code-servers, print their URLs and wait (Ctrl+C stops)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/test/e2e
RESULTS=${E2E_RESULTS:-$REPO/test-results} # screenshots and logs, emptied at the start of a run
cd "$REPO"

START=$SECONDS
PHASES=() phase_name="" phase_start=$SECONDS
log() { echo "[e2e $(date +%T)] $*"; }
phase() { # phase NAME: stops the previous phase's clock and starts the next one
  [ -n "$phase_name" ] && PHASES+=("$(printf '%-24s %4ss' "$phase_name" $((SECONDS - phase_start)))")
  phase_name=$1 phase_start=$SECONDS
  [ -z "$1" ] || log "== $1"
}
skip() { [[ ",${E2E_SKIP:-}," == *",$1,"* ]]; }

PASSED=0 FAILED=0 FAILURES=() SUMMARY=""
record() { # record NAME EXIT_CODE [PASSED FAILED]: counts a phase as one test, or the tests inside it
  local name=$1 rc=$2 p=${3:-} f=${4:-}
  if [ -z "$p" ]; then if [ "$rc" -eq 0 ]; then p=1 f=0; else p=0 f=1; fi; fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a runner that failed without a failing test still fails
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  if [ "$f" -ne 0 ]; then FAILURES+=("$name"); fi
  return 0
}

PIDS=() RUN=""
# bounded SECONDS CMD...: runs CMD with a time limit in its own process group (timeout leads it), so
# the cleanup can kill it with every child (node --test workers, chromium); `wait` lets Ctrl+C through.
bounded() {
  local secs=$1
  shift
  timeout -k 10 "$secs" "$@" &
  local pid=$! rc=0 kept=() p
  PIDS+=("$pid")
  wait "$pid" || rc=$?
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done # finished: its id may be reused
  PIDS=("${kept[@]}")
  return "$rc"
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -- -"$pid" 2>/dev/null || true; done # whole process groups
  for pid in "${PIDS[@]}"; do # give each group up to 5 s, then SIGKILL: nothing outlives the run
    for _ in $(seq 1 50); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- -"$pid" 2>/dev/null || true
  done
  if [ -n "$RUN" ] && [ -d "$RUN" ]; then
    mkdir -p "$RESULTS/logs"
    cp "$RUN"/*.log "$RESULTS/logs/" 2>/dev/null || true
    for ud in "$RUN"/ud-*; do [ -d "$ud/logs" ] && cp -r "$ud/logs" "$RESULTS/logs/vscode-$(basename "$ud")"; done
    if [ -n "${E2E_KEEP:-}" ]; then log "kept $RUN"; else rm -rf "$RUN"; fi
  fi
  # A run that stopped early (setup, packaging, a server that did not start, Ctrl+C) still ends with the line.
  [ -n "$SUMMARY" ] || { log "the run stopped early (exit code $rc)"; echo "$PASSED passed, $((FAILED + 1)) failed"; }
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. toolchain (cached in $E2E_HOME; ~3.5 min the first time, instant after)
phase "setup (toolchain)"
eval "$(bash "$HERE/setup.sh")" # sets NODE24_DIR, CS_BIN, CHROMIUM
export CHROMIUM

# ---- 2. the .vsix, exactly what a user installs
phase "package (.vsix)"
if [ -n "${E2E_VSIX:-}" ]; then log "E2E_VSIX: testing $E2E_VSIX"
elif skip package; then log "E2E_SKIP=package: reusing dist/asl-guard.vsix"
else npm run --silent package; fi
VSIX=$(realpath "${E2E_VSIX:-$REPO/dist/asl-guard.vsix}")
[ -f "$VSIX" ] || { log "no $VSIX"; exit 1; }

# ---- 3. a throwaway folder per run: workspace copies, profiles, XDG dirs, logs
phase "prepare"
RUN=$(mktemp -d /tmp/asl-guard-e2e.XXXXXX)
mkdir -p "$RESULTS" && RESULTS=$(realpath "$RESULTS")
rm -rf "$RESULTS/logs" "$RESULTS"/*.png && mkdir -p "$RESULTS/logs" # only what a run writes
# Fresh copies every run, so edits left unsaved (hot exit) or saved by one run never reach the next.
for ws in ws ws-exthost ws-restricted; do node "$HERE/lib/prepare-workspace.mjs" "$RUN/$ws"; done
# code-server, chromium and neovim write nothing to ~/.config, ~/.local or ~/.cache.
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache XDG_STATE_HOME=$RUN/xdg/state
# The default gallery is open-vsx.org: point it at a closed loopback port so no lookup leaves the machine.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'

# Extension-host tests (the @vscode/test-electron model: a module exporting run()), bundled from
# test/exthost/index.ts; `npm run package` builds for production, which leaves that bundle out.
EXTHOST_TESTS=$REPO/test/exthost/index.ts
if ! skip exthost && [ -f "$EXTHOST_TESTS" ]; then
  "$REPO/node_modules/.bin/esbuild" "$EXTHOST_TESTS" --bundle --platform=node --format=cjs --target=node20 \
    --external:vscode --main-fields=module,main --log-level=warning --outfile="$RUN/exthost/exthost.js"
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
# write_settings TRUST DIR: the profile's settings.json (quiet workbench; workspace trust on or off)
write_settings() {
  mkdir -p "$2/User"
  cat > "$2/User/settings.json" <<JSON
{
  "security.workspace.trust.enabled": $1,
  "security.workspace.trust.startupPrompt": "never",
  "security.workspace.trust.banner": "always",
  "security.workspace.trust.untrustedFiles": "open",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.editor.enablePreview": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "files.hotExit": "off",
  "editor.accessibilitySupport": "off",
  "outline.collapseItems": "alwaysExpand"
}
JSON
}
cs() { PATH="$NODE24_DIR/bin:$PATH" "$CS_BIN" "$@"; }
# start_server NAME PORT TRUST WORKSPACE: a code-server in its own process group (setsid)
start_server() {
  local name=$1 port=$2 trust=$3 ws=$4 extra=()
  [ "$trust" = true ] || extra+=(--disable-workspace-trust)
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$RUN/config-$name.yaml"
  write_settings "$trust" "$RUN/ud-$name"
  # enable-smoke-test-driver: the workbench honours the extension-test ?payload= only with it.
  # reconnection-grace-time: a closed page's extension host (and language server) exits after 30 s.
  # TMPDIR inside the run: the language server's compile cache (os.tmpdir()/node-compile-cache) starts
  # empty every run, so the first window measures a first start after install, like a new user's.
  mkdir -p "$RUN/tmp"
  setsid env PATH="$NODE24_DIR/bin:$PATH" TMPDIR="$RUN/tmp" "$CS_BIN" --config "$RUN/config-$name.yaml" \
    --user-data-dir "$RUN/ud-$name" --extensions-dir "$RUN/exts" \
    --disable-telemetry --disable-update-check --disable-getting-started-override --reconnection-grace-time 30 \
    --vscode-option enable-smoke-test-driver "${extra[@]}" "$ws" > "$RUN/code-server-$name.log" 2>&1 &
  PIDS+=($!)
}
wait_healthy() {
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$1/healthz" && return 0; sleep 0.2; done
  log "code-server on port $1 did not answer /healthz"
  return 1
}

# ---- 4. install the .vsix the way the marketplace would, then start the workbenches
phase "install .vsix + start"
cs --config /dev/null --user-data-dir "$RUN/ud-install" --extensions-dir "$RUN/exts" --install-extension "$VSIX" --force \
  > "$RUN/install-extension.log" 2>&1 || { cat "$RUN/install-extension.log"; exit 1; }
EXT_DIR=$(find "$RUN/exts" -mindepth 1 -maxdepth 1 -type d -name 'asl-guard.asl-guard-*' | head -1)
[ -n "$EXT_DIR" ] || { log "the .vsix was not installed into $RUN/exts"; cat "$RUN/install-extension.log"; exit 1; }
log "installed $(basename "$EXT_DIR")"
PORT=$(free_port) PORT_RESTRICTED=$(free_port)
start_server main "$PORT" false "$RUN/ws"                           # workspace trust off
start_server restricted "$PORT_RESTRICTED" true "$RUN/ws-restricted" # trust on, folder untrusted: Restricted Mode
wait_healthy "$PORT"
wait_healthy "$PORT_RESTRICTED"
export E2E_URL="http://127.0.0.1:$PORT/?folder=$RUN/ws"
export E2E_URL_RESTRICTED="http://127.0.0.1:$PORT_RESTRICTED/?folder=$RUN/ws-restricted"
export E2E_WS=$RUN/ws E2E_RESULTS=$RESULTS E2E_REPO=$REPO

if [ -n "${E2E_SERVE:-}" ]; then
  log "serving (Ctrl+C stops): $E2E_URL"
  log "restricted:               $E2E_URL_RESTRICTED"
  SUMMARY=serve
  while sleep 3600; do :; done
fi

# ---- 5. extension-host tests in the real Node extension host (payload route)
if ! skip exthost; then
  phase "extension-host tests"
  if [ -f "$RUN/exthost/exthost.js" ]; then
    rc=0
    # The folder the .vsix was installed into is the development path: the tests exercise the packaged files.
    bounded 300 node "$HERE/lib/exthost-runner.mjs" "http://127.0.0.1:$PORT" "$RUN/ws-exthost" "$EXT_DIR" "$RUN/exthost/exthost.js" || rc=$?
    # The module prints "exthost: N passed, M failed" (the runner keeps the console in exthost-console.log);
    # without that line the runner's exit code counts as one test.
    read -r -a counts <<< "$(grep -Eo 'exthost: [0-9]+ passed, [0-9]+ failed' "$RESULTS/logs/exthost-console.log" 2>/dev/null | tail -1 | grep -Eo '[0-9]+' | tr '\n' ' ' || true)"
    record "extension-host tests" "$rc" "${counts[@]}"
  else
    log "no $EXTHOST_TESTS: extension-host tests not run"
    record "extension-host tests (no test/exthost/index.ts)" 1
  fi
fi

# ---- 6. UI scenarios: one workbench page per file, files one after another
if ! skip ui; then
  phase "UI scenarios"
  files=()
  for f in "$HERE"/scenarios/*.test.mjs; do
    if (($#)); then for s in "$@"; do if [[ $f == *"$s"* ]]; then files+=("$f"); break; fi; done; else files+=("$f"); fi
  done
  rc=0
  bounded 1200 node --test --test-concurrency=1 --test-timeout=240000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$RUN/ui.tap" "${files[@]}" || rc=$?
  p=$(grep -Eo '^# pass [0-9]+' "$RUN/ui.tap" | grep -Eo '[0-9]+' || echo 0)
  f=$(grep -Eo '^# fail [0-9]+' "$RUN/ui.tap" | grep -Eo '[0-9]+' || echo 0)
  record "UI scenarios" "$rc" "$p" "$f"
  while IFS= read -r line; do FAILURES+=("  $line"); done < <(grep -E '^\s*not ok [0-9]+ - ' "$RUN/ui.tap" | sed -E 's/^\s*not ok [0-9]+ - //' | grep -v '\.mjs$' || true)
fi

# ---- 7. Neovim: a second real LSP client, over stdio
if ! skip nvim; then
  phase "Neovim LSP probe"
  rc=0
  bounded 120 bash "$HERE/nvim/run.sh" "$HERE/workspace/diagnostics/quick-fix.asl.json" || rc=$? # pristine fixture; run.sh copies it
  record "Neovim LSP probe" "$rc"
fi

# ---- 8. checks over every log of the run
phase "log checks"
# Nothing tried to leave the machine: no marketplace/update/sync host and no DNS lookup failure.
leaks=$(grep -rEl 'open-vsx\.org|marketplace\.visualstudio\.com|update\.code\.visualstudio\.com|vscode-sync|ENOTFOUND|getaddrinfo' \
  "$RUN"/code-server-*.log "$RUN"/ud-*/logs "$RESULTS"/logs 2>/dev/null || true)
if [ -n "$leaks" ]; then log "FAIL: lookups of hosts outside the machine in:"; echo "$leaks"; record "offline: no lookup left the machine" 1
else log "ok: no marketplace, update or other outside lookup in the logs"; record "offline" 0; fi
# The language server never stopped in any window: its output channel logs every exit and restart.
crashes=$(find "$RUN"/ud-*/logs -name 'ASL Guard.log' -exec grep -HE 'exited with code|got closed|crashed|will not be restarted' {} + 2>/dev/null || true)
channels=$(find "$RUN"/ud-*/logs -name 'ASL Guard.log' 2>/dev/null | wc -l)
if [ -n "$crashes" ]; then log "FAIL: the language server stopped during the run:"; echo "$crashes"; record "no language server crash or restart" 1
else log "ok: no language server crash or restart in $channels ASL Guard output channel(s)"; record "no server crash" 0; fi

# Activation → first diagnostics (the exthost window and every UI window) into $RESULTS/e2e-metrics.json.
node "$HERE/lib/startup-metrics.mjs" "$RESULTS" "$RUN" || log "startup metrics could not be recorded"

phase ""
echo
log "timings:"
printf '  %s\n' "${PHASES[@]}"
printf '  %-24s %4ss\n' total $((SECONDS - START))
log "screenshots in test-results/: $(cd "$RESULTS" && ls ./*.png 2>/dev/null | sed 's#^\./##' | tr '\n' ' ')"
if ((${#FAILURES[@]})); then log "failed:"; printf '  %s\n' "${FAILURES[@]}"; fi
SUMMARY="$PASSED passed, $FAILED failed"
echo "$SUMMARY"
[ "$FAILED" -eq 0 ]
