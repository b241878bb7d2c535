#!/usr/bin/env bash
# How long the feedback page takes to show the next task after a submit (issue 13; not a test):
# a human session against a scripted receiver on loopback that takes --latency-ms per answer, and
# a simulated annotator who thinks --think-ms per task and uses the page's own API as the page does.
#
#   bench/human-latency.sh [--samples 40] [--latency-ms 2000] [--think-ms 1000] [--concurrency 4]
set -euo pipefail
cd "$(dirname "$0")/.."
module=interfeedback-junit-engine
./mvnw -q -B -pl "$module" test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/harness.classpath
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/harness.classpath")"
exec java -cp "$cp" dev.interfeedback.harness.HumanPageLatency --work "$module/target/human-latency" "$@"
