#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need beyond the .NET SDK when it is missing
# (Node.js for the GFM oracle, the SARIF validator and axe-core, python3 for the tracker generator,
# git for the SLA clock, GNU patch to check our diffs, Debian's chromium for the server's browser tests
# and to render punch report's HTML, Prometheus' promtool to check /metrics, PostgreSQL for the team
# server's store), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

. scripts/install-missing.sh
# PostgreSQL for the team store's tests (a throwaway cluster the tests start): Debian keeps initdb
# under /usr/lib/postgresql/VERSION/bin, off the PATH.
pg_initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n 1 || true)"
install_missing test.sh node:nodejs npm:npm python3:python3 git:git patch:patch chromium:chromium promtool:prometheus "${pg_initdb:-initdb}:postgresql"

# ../shared (the corpus and the GFM oracle) is beside the clone in CI. A clone with nothing beside it
# still runs every test that does not read it; the rest report themselves skipped, with the reason.
shared="${PUNCHLIST_SHARED:-$(cd .. && pwd)/shared}"
if [ -d "$shared/corpus" ]; then
  # The GFM oracle's npm packages go to a folder of our own, never into ../shared.
  oracle="${PUNCHLIST_GFM_ORACLE:-${TMPDIR:-/tmp}/punchlist-gfm-oracle}"
  if [ ! -d "$oracle/node_modules" ]; then
    mkdir -p "$oracle"
    cp "$shared/tools/gfm-oracle/package.json" "$shared/tools/gfm-oracle/package-lock.json" "$shared/tools/gfm-oracle/tasks.mjs" "$oracle/"
    (cd "$oracle" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  export PUNCHLIST_GFM_ORACLE="$oracle"
else
  echo "test.sh: no ../shared beside this clone ($shared): the tests that read the corpus are skipped" >&2
fi

# Microsoft's SARIF validator for the `punch check --format sarif` tests, pinned in tests/tools and
# installed the same way into a folder of our own (named by its lock file, so a new pin reinstalls).
sarif_pin=tests/tools/sarif-multitool
sarif="${PUNCHLIST_SARIF_MULTITOOL:-${TMPDIR:-/tmp}/punchlist-sarif-multitool-$(sha256sum "$sarif_pin/package-lock.json" | cut -c1-12)}"
if [ ! -d "$sarif/node_modules" ]; then
  mkdir -p "$sarif"
  cp "$sarif_pin/package.json" "$sarif_pin/package-lock.json" "$sarif/"
  (cd "$sarif" && npm ci --no-audit --no-fund --loglevel=error)
fi
export PUNCHLIST_SARIF_MULTITOOL="$sarif"

# axe-core for the server's browser tests (injected into every page), pinned the same way.
axe_pin=tests/tools/axe-core
axe="${PUNCHLIST_AXE_CORE:-${TMPDIR:-/tmp}/punchlist-axe-core-$(sha256sum "$axe_pin/package-lock.json" | cut -c1-12)}"
if [ ! -d "$axe/node_modules" ]; then
  mkdir -p "$axe"
  cp "$axe_pin/package.json" "$axe_pin/package-lock.json" "$axe/"
  (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error)
fi
export PUNCHLIST_AXE_CORE="$axe"

# The browser tests' screenshots (desktop and phone widths, light and dark) are kept here.
export PUNCHLIST_ARTIFACTS="${PUNCHLIST_ARTIFACTS:-$PWD/artifacts}"

dotnet test Punchlist.slnx -c Release "$@"
