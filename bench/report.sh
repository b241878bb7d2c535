#!/usr/bin/env bash
# The HTML report at scale (not a test): a run of N samples with an image each on the simulator,
# then the time to write the report from the saved files and the page's time to first render in
# headless Chromium (Debian's chromium and chromium-driver).
#
#   bench/report.sh [--samples 10000] [--tries 5] [--work target/report-bench]
set -euo pipefail
cd "$(dirname "$0")/.."
module=interfeedback-junit-engine
./mvnw -q -B -pl "$module" test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/harness.classpath
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/harness.classpath")"
exec java -cp "$cp" dev.interfeedback.report.html.ReportBench --work "$module/target/report-bench" "$@"
