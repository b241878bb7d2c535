import groovy.json.JsonSlurper

context.get('server')?.stop(0)
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/interfeedback')

// s01, s02 right at round 0; s03..s06 corrected at round 1 with the Claude-shaped provider's feedback.
assert log.contains('InterFeedback: 6 samples: 6 passed, 0 failed (not corrected), 0 skipped (outside the test set), 0 aborted (model errors)')
assert log.contains('InterFeedback check passed: 1 rule')
def benchmark = new JsonSlurper().parse(new File(out, 'results.json')).benchmarks[0]
assert benchmark.counts == [samples: 6, correctAtRound0: 2, wrongAtRound0: 4, errorsAtRound0: 0, excluded: 0, testSet: 4,
        errorsAfterRound0: 0, corrected: 4, notCorrected: 0, errors: 0]
// Told, falsely, that it was wrong: s01 kept B, s02 flipped at round 1.
assert benchmark.maintenance.tested == 2 && benchmark.maintenance.kept == 1 && benchmark.maintenance.errors == 0
assert benchmark.maintenance.perRound*.kept == [1, 1]
// 4 options, one tried, 2 rounds: 2/3 expected for each of the 4 test-set samples.
assert Math.abs(benchmark.chanceCorrection.expected - 8 / 3) < 1e-9
// The feedback requests marked their stable prefix; the provider read part of their prompts from its cache.
assert benchmark.provider.tokens.cachedPrompt > 0
assert benchmark.provider.promptCache.cachedShare > 0 && benchmark.provider.promptCache.saved > 0
assert benchmark.prompts*.name.contains('provider-request')
def keys = context.get('keys')
assert !keys.isEmpty() && keys.every { it == 'it-anthropic-secret-key 2023-06-01' }
out.eachFileRecurse { f -> if (f.isFile()) assert !f.text.contains('it-anthropic-secret-key') }
assert !log.contains('it-anthropic-secret-key')
return true
