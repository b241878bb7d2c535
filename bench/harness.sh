#!/usr/bin/env bash
# The benchmark harness of issue 6 (not a test): a scripted OpenAI-compatible server on loopback
# with a fixed latency per call, a first run and a fully cached rerun of a generated dataset with
# images, each in its own JVM, through the command-line runner and through the JUnit engine as
# interfeedback:evaluate runs it; prints calls, wall time, ideal wall time, efficiency, CPU per
# call, peak heap, peak RSS and the sizes of the outputs.
#
#   bench/harness.sh [--samples 10000] [--latency-ms 100] [--concurrency 64] [--rounds 3]
#                    [--feedback detailed|binary] [--heap 256m] [--path cli|engine|both]
#                    [--image FILE] [--rerun true|false] [--shards 0]
#                    [--quota-requests N --quota-tokens M [--quota-headers true|false]]
#                    [--jvm-options "options of each run's JVM, e.g. a profiler's"]
#                    [--work target/harness]
set -euo pipefail
cd "$(dirname "$0")/.."
module=interfeedback-junit-engine
./mvnw -q -B -pl "$module" test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/harness.classpath
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/harness.classpath")"
exec java -cp "$cp" dev.interfeedback.harness.Harness --work "$module/target/harness" "$@"
