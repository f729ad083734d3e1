#!/usr/bin/env bash
# How long an author waits in `pub preview`, measured from outside the process: start the published pub's
# preview on a copy of the sample series, then, for each edit, save the manuscript with a new marker word
# and ask the server for the page until the marker is in it. The first edit after start is measured apart
# from the later ones. Prints one line per edit and the medians.
#
#   bash bench/preview-latency.sh [EDITS] [PUB]
#     EDITS  number of edits (default 10)
#     PUB    the pub to run (default: published with `dotnet publish -c Release src/Pub.Cli`)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
edits=${1:-10}
work=$(mktemp -d)
trap 'kill "$preview" 2>/dev/null || true; cp "$work/preview.log" /tmp/preview-last.log 2>/dev/null; rm -rf "$work"' EXIT

if [ -n "${2:-}" ]; then
  pub=("$2")
else
  dotnet publish -c Release "$repo/src/Pub.Cli" -o "$work/bin" >/dev/null
  if [ -x "$work/bin/pub" ] && [ ! -e "$work/bin/pub.dll" ]; then pub=("$work/bin/pub"); else pub=(dotnet "$work/bin/pub.dll"); fi
fi
cp -r "$repo/pub.yaml" "$repo/papers" "$repo/templates" "$work/"
manuscript="$work/papers/op-003-domestic-servitude/paper.md"
page=op-003-en-ed1.html
port=$(( 20000 + RANDOM % 20000 ))

now_ms() { date +%s%3N; }
started=$(now_ms)
(cd "$work" && exec "${pub[@]}" preview papers/op-003-domestic-servitude --port "$port" >"$work/preview.log" 2>&1) &
preview=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/$page"; do sleep 0.02; done
echo "first page served $(( $(now_ms) - started )) ms after start"

times=()
for i in $(seq 1 "$edits"); do
  marker="latencymarker$i"
  # An edit an author makes: one word more at the end of the first paragraph after the front matter.
  awk -v m="$marker" 'BEGIN{fm=0; done=0} { if ($0=="---") fm++; if (!done && fm>=2 && NF>0 && $0!="---" && $0 !~ /^#/) { print $0 " " m; done=1; next } print }' \
    "$manuscript" >"$manuscript.new"
  saved=$(now_ms)
  mv "$manuscript.new" "$manuscript"
  until curl -sf "http://127.0.0.1:$port/$page" | grep -q "$marker"; do sleep 0.005; done
  took=$(( $(now_ms) - saved ))
  times+=("$took")
  echo "edit $i: $took ms"
  sleep 0.5
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "first edit: ${times[0]} ms; later edits: median $(median "${times[@]:1}") ms (of $(( edits - 1 )))"
