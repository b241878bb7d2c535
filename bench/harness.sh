#!/usr/bin/env bash
# The benchmark harness of issues 6 and 19 (not a test): a scripted OpenAI-compatible server on
# loopback with a fixed latency per call, a first run and a fully cached rerun of a generated
# dataset with images, each in its own JVM, through the command-line runner, through the JUnit
# engine as interfeedback:evaluate runs it, and through mvn verify with the plugin; prints calls,
# wall time, ideal wall time, efficiency, CPU per call, peak heap, peak RSS and the sizes of the
# outputs, and the evaluate goal's own cost (the build less the same build with
# -Dinterfeedback.skip=true).
#
#   bench/harness.sh [--samples 10000] [--latency-ms 100] [--concurrency 64] [--rounds 3]
#                    [--feedback detailed|binary] [--heap 256m] [--path cli|engine|maven|both|all]
#                    [--maven-heap 512m] [--image FILE] [--rerun true|false] [--shards 0]
#                    [--quota-requests N --quota-tokens M [--quota-headers true|false]]
#                    [--jvm-options "options of each run's JVM, e.g. a profiler's"]
#                    [--server-jvm-options "options of the scripted server's JVM"]
#                    [--work target/harness]
#
# The maven path builds the engine and the plugin of this tree into the invoker's local
# repository (interfeedback-maven-plugin/target/it-repo), never into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
module=interfeedback-junit-engine
if [[ " $* " =~ " --path "(maven|all)" " ]]; then
  ./mvnw -q -B -pl interfeedback-maven-plugin -am verify -DskipTests
fi
./mvnw -q -B -pl "$module" test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/harness.classpath
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/harness.classpath")"
exec java -cp "$cp" dev.interfeedback.harness.Harness --work "$module/target/harness" "$@"
