#!/usr/bin/env bash
# What a second job buys, measured as a user waits for it: whole `pub build` processes on generated papers (into an
# empty output folder and cache each time), alternating, several rounds:
#   jobs 1   pub build --jobs 1
#   jobs 2   pub build --jobs 2 (this process and one render worker)
#   pair     two `pub build --jobs 1` on two copies of the papers, started together: what the machine gives two
#            independent processes, the ceiling for two jobs
# Prints each one's median wall time and the machine's CPU time over the same span (from /proc/stat), then the
# speed-up of two jobs over one and the pair's throughput against one job.
#
#   bash bench/jobs.sh [ROUNDS] [PAPERS] [PUB] [FORMATS]
#     ROUNDS   rounds of the three (default 7)
#     PAPERS   generated papers (default 20, with the corpus generator's defaults: seed 1, chicago-author-date)
#     PUB      the pub to run (default, or when empty: published with `dotnet publish -c Release src/Pub.Cli`)
#     FORMATS  what to build, as `--format` takes it (default pdf; html,pdf for both editions)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-7}
papers=${2:-20}
formats=${4:-pdf}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${3:-}" ]; then
  pub=("$(realpath "$3")")
else
  dotnet publish -c Release "$repo/src/Pub.Cli" -o "$work/bin" >/dev/null
  if [ -x "$work/bin/pub" ] && [ ! -e "$work/bin/pub.dll" ]; then pub=("$work/bin/pub"); else pub=(dotnet "$work/bin/pub.dll"); fi
fi
dotnet run -c Release --project "$repo/bench/Pub.Corpus" -- --out "$work/a" --papers "$papers" >/dev/null
cp -r "$work/a" "$work/b"

busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
ticks=$(getconf CLK_TCK)

run() { # KIND: jobs1 | jobs2 | pair; prints "wall_ms cpu_ms"
  rm -rf "$work/a/dist" "$work/a/.pub" "$work/b/dist" "$work/b/.pub"
  local cpu0 t0 t1 cpu1
  cpu0=$(busy); t0=$(date +%s%N)
  case $1 in
    jobs1) (cd "$work/a" && "${pub[@]}" build --format "$formats" --jobs 1 >/dev/null 2>&1) ;;
    jobs2) (cd "$work/a" && "${pub[@]}" build --format "$formats" --jobs 2 >/dev/null 2>&1) ;;
    pair)
      (cd "$work/a" && "${pub[@]}" build --format "$formats" --jobs 1 >/dev/null 2>&1) &
      (cd "$work/b" && "${pub[@]}" build --format "$formats" --jobs 1 >/dev/null 2>&1) &
      wait ;;
  esac
  t1=$(date +%s%N); cpu1=$(busy)
  echo "$(( (t1 - t0) / 1000000 )) $(( (cpu1 - cpu0) * 1000 / ticks ))"
}

declare -A walls cpus
kinds=(jobs1 jobs2 pair)
for ((r = 0; r < rounds; r++)); do
  order=("${kinds[@]}")
  if (( r % 2 == 1 )); then order=(pair jobs2 jobs1); fi
  for kind in "${order[@]}"; do
    read -r wall cpu < <(run "$kind")
    walls[$kind]+="$wall "
    cpus[$kind]+="$cpu "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A med
for kind in "${kinds[@]}"; do
  med[$kind]=$(median <<<"${walls[$kind]}")
  awk -v k="$kind" -v w="${med[$kind]}" -v c="$(median <<<"${cpus[$kind]}")" -v all="${walls[$kind]% }" \
    'BEGIN { printf "%-6s median %6.3f s, CPU %6.2f s   (%s ms)\n", k, w / 1000, c / 1000, all }'
done
awk -v one="${med[jobs1]}" -v two="${med[jobs2]}" -v pair="${med[pair]}" \
  'BEGIN { printf "jobs 2 against jobs 1: %.2fx; the pair (twice the papers) against jobs 1: %.2fx the throughput\n", one / two, 2 * one / pair }'
