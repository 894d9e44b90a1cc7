#!/usr/bin/env bash
# The end-to-end benchmark: what llm-tracing-starter costs a Spring AI web application.
# Builds the application of this module twice (without and with the starter), then runs
# the driver, which loads both with wrk and writes target/bench/results.md.
#
#   benchmarks/end-to-end/run.sh                      # all scenarios, about 25 minutes
#   benchmarks/end-to-end/run.sh --scenarios=call --rounds=3
#   benchmarks/end-to-end/run.sh --quick              # a short run that proves it works
#
# Needs wrk (apt-get install -y wrk) and nothing else running on the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/target/bench"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mkdir -p "$out"

if [[ "${SKIP_BUILD:-}" != "true" ]]; then
  cd "$root"
  ./mvnw -B -q -pl benchmarks/end-to-end -am package -DskipTests
  ./mvnw -B -q -pl benchmarks/end-to-end -am package -DskipTests -Pwith-starter
fi

args=()
for arg in "$@"; do
  if [[ "$arg" == "--quick" ]]; then
    args+=(--rounds=1 --window=3s --warmup-min=3s --warmup-max=3s --warmup-window=3s)
  else
    args+=("$arg")
  fi
done
cd "$here"
java -cp "$here/target/classes" dev.llmtracing.benchmarks.e2e.EndToEndBenchmark \
  --without-jar="$here/target/app-without.jar" --with-jar="$here/target/app-with.jar" --out="$out" "${args[@]}"
