#!/usr/bin/env bash
# How long an author waits in `pub preview`, measured from outside the process: for each manuscript below,
# start the published pub's preview on a copy of its project, follow the page's events as a browser does,
# save the manuscript with a new word and fetch the page when the event says it was rebuilt, until the word
# is in it (bench/Pub.PreviewLatency). Each edit is saved once the previous one's PDF is done; the first
# edit after start is reported apart. Manuscripts: the sample paper op-003, and a generated 30-page paper
# with about 80 citations in chicago-author-date and in ieee.
#
#   bash bench/preview-latency.sh [EDITS] [PUB]
#     EDITS  edits per manuscript (default 10)
#     PUB    the pub to run (default: published with `dotnet publish -c Release src/Pub.Cli`)
#   PREVIEW_ARGS=--no-pdf           builds no PDF after each page
#   PREVIEW_ARGS=--first-at-once    saves the first edit as soon as the page is served, while the first PDF is set
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
edits=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${2:-}" ]; then
  pub=$(realpath "$2")
else
  dotnet publish -c Release "$repo/src/Pub.Cli" -o "$work/bin" >/dev/null
  if [ -x "$work/bin/pub" ] && [ ! -e "$work/bin/pub.dll" ]; then pub="$work/bin/pub"; else pub="$work/bin/pub.dll"; fi
fi
dotnet build -c Release "$repo/bench/Pub.PreviewLatency" -o "$work/latency" >/dev/null
dotnet build -c Release "$repo/bench/Pub.Corpus" -o "$work/corpus" >/dev/null

measure() { # NAME PROJECT MANUSCRIPT PAGE
  echo "== $1"
  # shellcheck disable=SC2086
  dotnet "$work/latency/pub-preview-latency.dll" "$pub" "$2" "$3" "$4" "$edits" ${PREVIEW_ARGS:-}
}

mkdir "$work/sample"
cp -r "$repo/pub.yaml" "$repo/papers" "$repo/templates" "$work/sample/"
measure "sample paper op-003" "$work/sample" papers/op-003-domestic-servitude/paper.md op-003-en-ed1.html
for style in chicago-author-date ieee; do
  dotnet "$work/corpus/pub-corpus.dll" --out "$work/$style" --papers 1 --style "$style" >/dev/null
  measure "generated 30-page paper, $style" "$work/$style" papers/op-001-generated/paper.md op-001-en-ed1.html
done
