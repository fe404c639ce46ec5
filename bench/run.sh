#!/usr/bin/env bash
# Runs the benchmarks of docs/BENCHMARKS.md: prepares the trees outside the repository, builds
# Release, then (1) measures punchlist's whole-reader scan against bare Markdig and ripgrep in the
# same run, and the one-shot CLI start-up; (2) the index: a build and rescans of a 10,000-file
# workspace against the in-memory scan, and query latency over a million items against a
# brute-force scan; (3) history: a generated repository of 2,400 commits over 200 trackers, git
# access through the git program against LibGit2Sharp, where the first build's time goes (phase by
# phase), the first history build against bare Markdig (one thread, all cores, and in a one-core child),
# the update after one commit, `punch history` on the warm index and peak memory; (4) the server:
# `punch serve` on the 10,000-tracker workspace under 50 concurrent clients (overview and
# /api/v1/items?q=), the CLI's time for the same answers as the baseline, and a file save to its
# event on the live stream. Extra arguments go to the scan bench (e.g. --runs 9).
#
# (5) the linear-growth bench: one-shot commands on single trackers of 1, 4, 16 and 64 MB of four
# shapes (task list, contradicted cards, invalid UTF-8, deep nesting), time and memory per doubling.
#
# (6) team mode (only when asked: PUNCHLIST_BENCH=team): a throwaway PostgreSQL cluster (Debian's
# postgresql, as the tests start one) and `punch serve --database`; 1,000 generated repositories of
# 20 trackers pushed by 8 clients, then the overview and cross-repository search at 50 readers over
# about a million items, EXPLAIN of their statements, and the database's size and growth. It needs
# nothing from ../shared; its repositories and push bodies are kept in the cache between runs.
#
#   PUNCHLIST_BENCH        scan, index, history, server, linear, team or all (default: all but team)
#   PUNCHLIST_SHARED       the shared inputs (default: ../shared beside the repository)
#   PUNCHLIST_BENCH_CACHE  where trees and builds go (default: ~/.cache/punchlist-bench)
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/install-missing.sh
install_missing run.sh rg:ripgrep python3:python3

cache="${PUNCHLIST_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/punchlist-bench}"
mkdir -p "$cache"
which="${PUNCHLIST_BENCH:-all}"
case "$which" in scan|index|history|server|linear|team|all) ;; *) echo "run.sh: PUNCHLIST_BENCH is scan, index, history, server, linear, team or all" >&2; exit 2 ;; esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The linear-growth bench needs nothing from ../shared: it writes its trackers into the cache.
if [ "$which" = linear ] || [ "$which" = all ]; then
  dotnet build bench/Punchlist.Bench.Linear -c Release -v quiet -nologo >&2
  dotnet bench/Punchlist.Bench.Linear/bin/Release/net10.0/Punchlist.Bench.Linear.dll "$cache/linear" | tee "$cache/linear-results.md"
  [ "$which" = linear ] && exit 0
fi

# Team mode: about half an hour on a busy 2-core machine, most of it building the thousand push bodies
# the first time. Bounded: every load line stops after its requests or 90 s.
if [ "$which" = team ]; then
  pg_initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n 1 || true)" # off the PATH, as test.sh finds it
  install_missing run.sh "${pg_initdb:-initdb}:postgresql" git:git
  dotnet build bench/Punchlist.Bench.Team -c Release -v quiet -nologo >&2
  dotnet publish src/Punchlist.Cli -c Release -p:PublishReadyToRun=false -o "$cache/cli-jit" -v quiet -nologo >&2
  dotnet bench/Punchlist.Bench.Team/bin/Release/net10.0/Punchlist.Bench.Team.dll "$cache" "$cache/cli-jit/punch.dll" "$cache/team-plans" "$@" \
    | tee "$cache/team-results.md"
  exit 0
fi

shared="${PUNCHLIST_SHARED:-$(cd .. && pwd)/shared}"
[ -f "$shared/bench/docs-corpus.tar.gz" ] || { echo "run.sh: $shared/bench is missing" >&2; exit 2; }

# Each tree is rebuilt only when its input changed: the stamp holds the input's checksum.
prepare() { # name, input file, command that fills $cache/$name
  local name="$1" input="$2" sum
  sum="$(sha256sum "$input" | cut -d' ' -f1)"
  if [ "$(cat "$cache/$name.stamp" 2>/dev/null)" != "$sum" ]; then
    echo "run.sh: preparing the $name tree in $cache/$name" >&2
    rm -rf "${cache:?}/$name" && mkdir -p "$cache/$name"
    "${@:3}" >&2
    echo "$sum" > "$cache/$name.stamp"
  fi
}
prepare docs "$shared/bench/docs-corpus.tar.gz" tar -xzf "$shared/bench/docs-corpus.tar.gz" -C "$cache/docs"
# The manifest lives beside the tree, not in it, so it is not part of what is scanned.
prepare trackers "$shared/bench/gen-trackers.py" sh -c "python3 '$shared/bench/gen-trackers.py' '$cache/trackers' 5000 && mv '$cache/trackers/manifest.tsv' '$cache/trackers.manifest.tsv'"

# The CLI twice, for the start-up measurement: as it ships (JIT) and precompiled (ReadyToRun).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  *) rid="" ;;
esac
dotnet publish src/Punchlist.Cli -c Release -p:PublishReadyToRun=false -o "$cache/cli-jit" -v quiet -nologo >&2
r2r=()
if [ -n "$rid" ]; then
  dotnet publish src/Punchlist.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$cache/cli-r2r" -v quiet -nologo >&2
  r2r=(--cli-r2r "$cache/cli-r2r")
fi

if [ "$which" = scan ] || [ "$which" = all ]; then
  dotnet build bench/Punchlist.Bench -c Release -v quiet -nologo >&2
  dotnet bench/Punchlist.Bench/bin/Release/net10.0/Punchlist.Bench.dll \
    --docs "$cache/docs" --trackers "$cache/trackers" --manifest "$cache/trackers.manifest.tsv" \
    --cli-jit "$cache/cli-jit" "${r2r[@]}" --samples samples \
    --out "$cache/results.md" "$@"
fi

if [ "$which" = index ] || [ "$which" = all ]; then
  # A workspace of its own: the index bench writes .punchlist/ into it and edits files.
  prepare ws10k "$shared/bench/gen-trackers.py" python3 "$shared/bench/gen-trackers.py" "$cache/ws10k" 10000
  dotnet build bench/Punchlist.Bench.Index -c Release -v quiet -nologo >&2
  index_bench=bench/Punchlist.Bench.Index/bin/Release/net10.0/Punchlist.Bench.Index.dll
  {
    dotnet "$index_bench" scan "$cache/ws10k" "$cache/cli-jit/punch.dll" ${rid:+"$cache/cli-r2r/punch.dll"}
    dotnet "$index_bench" query 1000000
  } | tee "$cache/index-results.md"
  # The scan bench edits files of the workspace: the next run starts from a fresh one.
  rm -f "$cache/ws10k.stamp"
fi

if [ "$which" = history ] || [ "$which" = all ]; then
  # Generated afresh each run (the bench adds commits to measure the update); the longer repository
  # (twice the commits over the same trackers) is only read, for the peak memory.
  dotnet build bench/Punchlist.Bench.History -c Release -v quiet -nologo >&2
  history_bench=bench/Punchlist.Bench.History/bin/Release/net10.0/Punchlist.Bench.History.dll
  rm -rf "$cache/history-repo"
  dotnet "$history_bench" generate "$cache/history-repo" 2400 200
  [ -d "$cache/history-repo-long/.git" ] || dotnet "$history_bench" generate "$cache/history-repo-long" 4800 200
  {
    dotnet "$history_bench" access "$cache/history-repo" 5
    dotnet "$history_bench" phases "$cache/history-repo" 3
    dotnet "$history_bench" history "$cache/history-repo" "$cache/cli-jit/punch.dll" "$cache/history-repo-long" 5
  } | tee "$cache/history-results.md"
fi

if [ "$which" = server ] || [ "$which" = all ]; then
  # A workspace of its own (the bench saves a file in it, and the server keeps its index there).
  prepare ws10k-serve "$shared/bench/gen-trackers.py" python3 "$shared/bench/gen-trackers.py" "$cache/ws10k-serve" 10000
  # A workspace as a repository is one (its root marked by .git): the CLI baseline then reads the
  # index the server keeps, instead of parsing all 10,000 trackers in memory each run.
  [ -d "$cache/ws10k-serve/.git" ] || git -C "$cache/ws10k-serve" init -q
  dotnet build bench/Punchlist.Bench.Server -c Release -v quiet -nologo >&2
  dotnet bench/Punchlist.Bench.Server/bin/Release/net10.0/Punchlist.Bench.Server.dll "$cache/ws10k-serve" "$cache/cli-jit/punch.dll" 50 2000 "is:open cache" \
    | tee "$cache/server-results.md"
fi
