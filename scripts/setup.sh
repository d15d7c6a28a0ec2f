#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for the bot and its tests: checks Node, installs the
# build tools native packages compile with, Redis, and the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=""
apt_install() {
  if ! command -v apt-get >/dev/null; then return 1; fi
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq >/dev/null || return 1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  say "Node.js 20 or newer is needed (found: $(node -v 2>/dev/null || echo none)). Install it from your distribution or nodejs.org, then run this again."
  exit 1
fi

# Native npm packages compile from source here: they need a C++ toolchain and python3.
missing=()
for tool in g++ make python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing build tools (${missing[*]} missing)"
  apt_install build-essential python3 || { say "could not install build-essential python3: install them and run this again"; exit 1; }
fi

# The bot keeps work in flight in Redis; npm start and the tests run their own redis-server, so only
# the program is needed, not a running service.
if ! command -v redis-server >/dev/null; then
  say "installing redis-server"
  if ! apt_install redis-server; then
    say "could not install redis-server: run 'sudo apt-get install -y redis-server' (or your system's Redis 6.2+ package), then run this again"
    exit 1
  fi
fi

# The daily digest chart is drawn on the server; its Chinese needs a CJK font the renderer finds
# among the system fonts, or every character comes out as a box.
if [ -z "$(find /usr/share/fonts /usr/local/share/fonts -name wqy-microhei.ttc -print -quit 2>/dev/null)" ]; then
  say "installing fonts-wqy-microhei"
  if ! apt_install fonts-wqy-microhei; then
    say "could not install fonts-wqy-microhei: run 'sudo apt-get install -y fonts-wqy-microhei' (or your system's WenQuanYi Micro Hei package), then run this again"
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  # Not `npm ci`: it refuses a lockfile that lacks other platforms' optional builds, and a registry
  # mirror may not carry them (this one has no darwin builds of @swc/core, which wechaty pulls in).
  # `npm install` installs the locked versions all the same and skips what this platform cannot use.
  npm install --no-audit --no-fund --loglevel=error
fi
say "ready"
