#!/usr/bin/env bash
# Real VS Code end to end (`npm run test:e2e`): packages the extension, installs the .vsix into a
# throwaway code-server (VS Code 1.139 workbench + Node extension host), runs the extension-host
# tests and the UI scenarios in Debian's chromium, then the Neovim LSP probe. Offline after setup.
#   usage: bash test/e2e/run.sh [scenario-substring ...]    (substrings filter scenarios/*.test.mjs)
#   env:   E2E_HOME (tool cache, default ~/.cache/asl-guard-e2e), E2E_KEEP=1 (keep the temp dir),
#          E2E_SKIP=package,exthost,ui,nvim (skip phases; package = reuse dist/asl-guard.vsix),
#          E2E_TRACE=1 (log the duration of every workbench step), E2E_SERVE=1 (start the servers, print the URLs, wait),
#          E2E_VSIX=path (test that .vsix instead of packaging one)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$REPO/test/e2e
RESULTS=$REPO/test-results
cd "$REPO"

START=$SECONDS
PHASES=()
phase_start=$SECONDS
log() { echo "[e2e $(date +%T)] $*"; }
phase() { # phase NAME: closes the previous phase's clock and starts the next one
  if [ -n "${phase_name:-}" ]; then PHASES+=("$(printf '%-28s %4ss' "$phase_name" $((SECONDS - phase_start)))"); fi
  phase_name=$1; phase_start=$SECONDS
  [ -n "$1" ] && log "== $1"
  return 0
}
skip() { [[ ",${E2E_SKIP:-}," == *",$1,"* ]]; }

PASSED=0 FAILED=0 FAILURES=()
record() { # record NAME EXIT_CODE [PASSED FAILED]: counts a phase (or the tests inside it)
  local name=$1 rc=$2 p=${3:-} f=${4:-}
  if [ -z "$p" ]; then if [ "$rc" -eq 0 ]; then p=1 f=0; else p=0 f=1; fi; fi
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a crashed runner counts as a failure
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  if [ "$f" -ne 0 ]; then FAILURES+=("$name"); fi
  return 0
}

# ---- 1. toolchain (cached in $E2E_HOME; ~3.5 min the first time, ~0 s after)
phase "setup (toolchain)"
eval "$(bash "$HERE/setup.sh")" # sets NODE24_DIR, CS_BIN, CHROMIUM
export CHROMIUM

# ---- 2. the .vsix, exactly as a user would install it
phase "package (.vsix)"
if [ -n "${E2E_VSIX:-}" ]; then log "E2E_VSIX: testing $E2E_VSIX"
elif skip package; then log "E2E_SKIP=package: reusing dist/asl-guard.vsix"
else npm run --silent package; fi
VSIX=$(realpath "${E2E_VSIX:-$REPO/dist/asl-guard.vsix}")
[ -f "$VSIX" ] || { log "npm run package did not produce $VSIX"; exit 1; }

# ---- 3. throwaway run folder: workspaces, profiles, XDG dirs, logs
phase "prepare"
RUN=$(mktemp -d /tmp/asl-guard-e2e.XXXXXX)
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill -- -"$pid" 2>/dev/null || true; done # whole process groups (setsid)
  for pid in "${PIDS[@]}"; do # wait (at most 5 s) so nothing outlives the run
    for _ in $(seq 1 50); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- -"$pid" 2>/dev/null || true
  done
  if [ -d "$RUN" ]; then
    mkdir -p "$RESULTS/logs"
    cp "$RUN"/*.log "$RESULTS/logs/" 2>/dev/null || true
    for ud in "$RUN"/ud-*; do [ -d "$ud/logs" ] && cp -r "$ud/logs" "$RESULTS/logs/vscode-$(basename "$ud")"; done
    if [ -n "${E2E_KEEP:-}" ]; then log "kept $RUN"; else rm -rf "$RUN"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$RESULTS" && mkdir -p "$RESULTS"
for ws in ws ws-exthost ws-restricted; do node "$HERE/lib/prepare-workspace.mjs" "$RUN/$ws"; done
# Tools never write to ~/.config, ~/.local or ~/.cache (code-server, chromium, neovim all honour XDG).
export XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache XDG_STATE_HOME=$RUN/xdg/state
# The default gallery is open-vsx.org: point it at a closed loopback port so no lookup leaves the machine.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}'

# The extension-host tests (the @vscode/test-electron model: modules exporting run()), bundled
# from the server/client helper's test/exthost/ plus this suite's own test/e2e/exthost/.
mkdir -p "$RUN/exthost"
EXTHOST_ENTRIES=()
[ -f "$REPO/test/exthost/index.ts" ] && EXTHOST_ENTRIES+=("exthost=$REPO/test/exthost/index.ts")
if ! skip exthost && ((${#EXTHOST_ENTRIES[@]})); then
  "$REPO/node_modules/.bin/esbuild" "${EXTHOST_ENTRIES[@]}" --bundle --platform=node --format=cjs --target=node20 \
    --external:vscode --main-fields=module,main --log-level=warning --outdir="$RUN/exthost"
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
# settings.json of one profile; $1 = workspace trust on/off
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
# start_server NAME PORT TRUST WORKSPACE: code-server in its own process group (killed on exit)
start_server() {
  local name=$1 port=$2 trust=$3 ws=$4 extra=()
  [ "$trust" = false ] && extra+=(--disable-workspace-trust)
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$RUN/config-$name.yaml"
  write_settings "$trust" "$RUN/ud-$name"
  setsid env PATH="$NODE24_DIR/bin:$PATH" "$CS_BIN" --config "$RUN/config-$name.yaml" \
    --user-data-dir "$RUN/ud-$name" --extensions-dir "$RUN/exts" \
    --disable-telemetry --disable-update-check --disable-getting-started-override --reconnection-grace-time 30 \
    --vscode-option enable-smoke-test-driver "${extra[@]}" "$ws" > "$RUN/code-server-$name.log" 2>&1 &
  PIDS+=($!)
}
wait_healthy() {
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$1/healthz" && return 0; sleep 0.2; done
  log "code-server on port $1 did not answer /healthz"; return 1
}

# ---- 4. install the .vsix the way the marketplace would, then start the workbenches
phase "install .vsix + start"
cs --config /dev/null --user-data-dir "$RUN/ud-install" --extensions-dir "$RUN/exts" --install-extension "$VSIX" --force \
  > "$RUN/install-extension.log" 2>&1 || { cat "$RUN/install-extension.log"; exit 1; }
EXT_DIR=$(find "$RUN/exts" -mindepth 1 -maxdepth 1 -type d -name 'asl-guard.asl-guard-*' | head -1)
[ -n "$EXT_DIR" ] || { log "the .vsix was not installed into $RUN/exts"; cat "$RUN/install-extension.log"; exit 1; }
log "installed: $(basename "$EXT_DIR")"
PORT=$(free_port); PORT_RESTRICTED=$(free_port)
start_server main "$PORT" false "$RUN/ws"
start_server restricted "$PORT_RESTRICTED" true "$RUN/ws-restricted"
wait_healthy "$PORT"; wait_healthy "$PORT_RESTRICTED"
export E2E_URL="http://127.0.0.1:$PORT/?folder=$RUN/ws"
export E2E_URL_RESTRICTED="http://127.0.0.1:$PORT_RESTRICTED/?folder=$RUN/ws-restricted"
export E2E_WS=$RUN/ws E2E_RESULTS=$RESULTS E2E_REPO=$REPO

if [ -n "${E2E_SERVE:-}" ]; then
  log "serving (Ctrl+C stops): $E2E_URL"
  log "restricted:               $E2E_URL_RESTRICTED"
  while sleep 3600; do :; done
fi

# ---- 5. extension-host tests in the real Node extension host (payload route)
if ! skip exthost; then
  phase "extension-host tests"
  rc=0
  if ((${#EXTHOST_ENTRIES[@]})); then
    # The installed extension folder is the development path: the tests exercise the packaged files.
    timeout -k 10 300 node "$HERE/lib/exthost-runner.mjs" "http://127.0.0.1:$PORT" "$RUN/ws-exthost" "$EXT_DIR" "$RUN/exthost/exthost.js" \
      | tee "$RUN/exthost.out" || rc=$?
    # The module prints "exthost: N passed, M failed"; without that line the runner's exit code counts as one test.
    counts=$(grep -Eo 'exthost: [0-9]+ passed, [0-9]+ failed' "$RUN/exthost.out" | tail -1 | grep -Eo '[0-9]+' | tr '\n' ' ' || true)
    # shellcheck disable=SC2086
    record "extension-host tests" "$rc" $counts
  else
    log "no test/exthost/index.ts: extension-host tests not run"
    record "extension-host tests (missing test/exthost/index.ts)" 1
  fi
fi

# ---- 6. UI scenarios, one workbench page per file, files one after another
if ! skip ui; then
  phase "UI scenarios"
  files=()
  for f in "$HERE"/scenarios/*.test.mjs; do
    if (($#)); then for s in "$@"; do [[ $f == *"$s"* ]] && files+=("$f") && break; done; else files+=("$f"); fi
  done
  rc=0
  timeout -k 10 900 node --test --test-concurrency=1 --test-timeout=240000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$RUN/ui.tap" "${files[@]}" || rc=$?
  p=$(grep -Eo '^# pass [0-9]+' "$RUN/ui.tap" | grep -Eo '[0-9]+' || echo 0)
  f=$(grep -Eo '^# fail [0-9]+' "$RUN/ui.tap" | grep -Eo '[0-9]+' || echo 0)
  record "UI scenarios" "$rc" "$p" "$f"
  while IFS= read -r line; do FAILURES+=("  $line"); done < <(grep -E '^\s*not ok [0-9]+ - ' "$RUN/ui.tap" | sed -E 's/^\s*not ok [0-9]+ - //' | grep -v '\.mjs$' || true)
fi

# ---- 7. Neovim: a second real LSP client, stdio
if ! skip nvim; then
  phase "Neovim LSP probe"
  rc=0
  bash "$HERE/nvim/run.sh" "$RUN/ws/diagnostics/quick-fix.asl.json" || rc=$?
  record "Neovim LSP probe" "$rc"
fi

# ---- 8. nothing tried to leave the machine: no marketplace/update host and no DNS failure in any log
phase "log checks"
leaks=$(grep -rEl 'open-vsx\.org|marketplace\.visualstudio\.com|update\.code\.visualstudio\.com|vscode-sync|ENOTFOUND|getaddrinfo' \
  "$RUN"/code-server-*.log "$RUN"/ud-*/logs "$RESULTS"/logs 2>/dev/null || true)
if [ -n "$leaks" ]; then log "lookups to hosts outside the machine in:"; echo "$leaks"; record "offline: no lookup left the machine" 1
else log "ok: no lookup to a marketplace, update or other outside host in the logs"; record "offline check" 0; fi

# ---- 9. the language server never crashed or restarted in any window (its output channel logs)
crashes=$(find "$RUN"/ud-*/logs -name 'ASL Guard.log' -exec grep -HE 'exited with code|got closed|crashed|will not be restarted' {} + 2>/dev/null || true)
if [ -n "$crashes" ]; then log "the language server stopped during the run:"; echo "$crashes"; record "no language server crash in any window" 1
else log "ok: no language server crash or restart in $(find "$RUN"/ud-*/logs -name 'ASL Guard.log' | wc -l) ASL Guard output channel(s)"; record "no server crash" 0; fi

phase ""
echo
log "timings:"
for p in "${PHASES[@]}"; do echo "  $p"; done
printf '  %-28s %4ss\n' total $((SECONDS - START))
log "screenshots: $(cd "$RESULTS" && ls *.png 2>/dev/null | tr '\n' ' ')"
if ((${#FAILURES[@]})); then log "failed:"; printf '  %s\n' "${FAILURES[@]}"; fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
