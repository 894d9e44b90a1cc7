#!/usr/bin/env bash
# Runs end-to-end test classes (Failsafe *IT) N times each under two busy CPU loops and prints a
# pass/fail table, to find flaky tests. Not part of CI: it takes long and loads the machine.
#
#   benchmarks/it-repeat.sh [-n RUNS] [ClassName ...]
#
# Without class names it runs every concrete *IT class of every module. Each run is a fresh
# Maven reactor build of the class's module (never `install`), so classes do not share a JVM.
# The log of every failed run is kept in target/it-repeat/. Extra Maven flags come from
# MAVEN_FLAGS (default: -o, offline).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=20
while getopts "n:" option; do
	case "$option" in
		n) runs="$OPTARG" ;;
		*) echo "usage: $0 [-n RUNS] [ClassName ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

logs=target/it-repeat
mkdir -p "$logs"

# Every concrete *IT class, as "module ClassName".
all_classes() {
	find . -path '*/src/test/java/*' -name '*IT.java' -not -path './target/*' | sort | while read -r file; do
		if ! grep -q 'abstract class' "$file"; then
			echo "$(echo "$file" | sed -E 's#^\./([^/]+)/src/test/java/.*#\1#') $(basename "$file" .java)"
		fi
	done
}

if [ "$#" -gt 0 ]; then
	selected=()
	for name in "$@"; do
		match=$(all_classes | awk -v name="$name" '$2 == name')
		if [ -z "$match" ]; then
			echo "No IT class named $name" >&2
			exit 2
		fi
		selected+=("$match")
	done
else
	mapfile -t selected < <(all_classes)
fi

busy_pids=()
stop_busy_loops() {
	for pid in "${busy_pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
}
trap stop_busy_loops EXIT
for _ in 1 2; do
	sh -c 'while :; do :; done' &
	busy_pids+=("$!")
done

results=()
for entry in "${selected[@]}"; do
	module=${entry% *}
	class=${entry#* }
	passed=0
	failed=0
	for run in $(seq 1 "$runs"); do
		log="$logs/$class-$run.log"
		start=$(date +%s)
		# shellcheck disable=SC2086
		if ./mvnw ${MAVEN_FLAGS:--o} -B -pl "$module" -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
			-Dit.test="$class" -Dfailsafe.failIfNoSpecifiedTests=false -Dspring-javaformat.skip=true >"$log" 2>&1; then
			passed=$((passed + 1))
			rm -f "$log"
			outcome=pass
		else
			failed=$((failed + 1))
			outcome="FAIL (log: $log)"
		fi
		echo "$class run $run/$runs: $outcome in $(($(date +%s) - start)) s"
	done
	results+=("$(printf '%-45s %6d %6d' "$class" "$passed" "$failed")")
done

echo
printf '%-45s %6s %6s\n' "class (runs: $runs, two busy CPU loops)" "pass" "fail"
for line in "${results[@]}"; do
	echo "$line"
done
