#!/usr/bin/env bash
# The end-to-end benchmark: what llm-tracing-starter costs a Spring AI web application.
# Builds the application of this module twice (without and with the starter), then runs
# the driver, which loads both with wrk and writes target/bench/results.md.
#
#   benchmarks/end-to-end/run.sh                      # all scenarios, about 25 minutes
#   benchmarks/end-to-end/run.sh --scenarios=call --rounds=3
#   benchmarks/end-to-end/run.sh --quick              # a short run that proves it works
#   benchmarks/end-to-end/run.sh --boot=4.1 ...       # the same application on Spring Boot 4.1
#
# Needs wrk and h2load (apt-get install -y wrk nghttp2-client) and nothing else running on
# the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/target/bench"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v h2load >/dev/null || { echo "h2load is missing: apt-get install -y nghttp2-client" >&2; exit 2; }
mkdir -p "$out"

# the application's build: this module on the project's Boot, or boot-4.1/pom.xml
jars="$here/target"
boot=""
args=()
for arg in "$@"; do
  if [[ "$arg" == "--quick" ]]; then
    args+=(--rounds=1 --window=3s --warmup-min=3s --warmup-max=3s --warmup-window=3s)
  elif [[ "$arg" == "--boot=4.1" ]]; then
    boot="4.1"
    jars="$here/boot-4.1/target"
  elif [[ "$arg" == --boot=* ]]; then
    echo "unknown $arg: the application is built on the project's Boot, or on 4.1 with --boot=4.1" >&2
    exit 2
  else
    args+=("$arg")
  fi
done

if [[ "${SKIP_BUILD:-}" != "true" ]]; then
  cd "$root"
  # the driver, and the application on the project's Boot
  ./mvnw -B -q -pl benchmarks/end-to-end -am package -DskipTests
  ./mvnw -B -q -pl benchmarks/end-to-end -am package -DskipTests -Pwith-starter
  if [[ "$boot" == "4.1" ]]; then
    ./mvnw -B -q -pl llm-tracing-starter -am install -DskipTests
    ./mvnw -B -q -f benchmarks/end-to-end/boot-4.1/pom.xml package -DskipTests
    ./mvnw -B -q -f benchmarks/end-to-end/boot-4.1/pom.xml package -DskipTests -Pwith-starter
  fi
fi

cd "$here"
java -cp "$here/target/classes" dev.llmtracing.benchmarks.e2e.EndToEndBenchmark \
  --without-jar="$jars/app-without.jar" --with-jar="$jars/app-with.jar" --out="$out" "${args[@]}"
