#!/usr/bin/env bash
# What prompt caching saves (issue 15; not a test): a detailed-feedback run of the bundled MMMU-Pro
# sample with both models on the Anthropic API, against a loopback server that bills prompts as
# Anthropic's prompt cache does; prints each role's tokens, the share read from the cache, and the
# cost with and without caching at Claude 3.5 Sonnet's list prices.
#
#   bench/prompt-cache.sh [dataset.jsonl] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
module=interfeedback-junit-engine
./mvnw -q -B -pl "$module" test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/harness.classpath
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/harness.classpath")"
exec java -cp "$cp" dev.interfeedback.harness.PromptCacheSaving "$@"
