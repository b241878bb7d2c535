import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/interfeedback')

assert log =~ /InterFeedback-Human: the feedback page is open at http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}/
assert log.contains('InterFeedback: 8 samples: 8 passed, 0 failed (not corrected), 0 skipped (outside the test set), 0 aborted (model errors)')
assert log.contains('InterFeedback check passed')

def benchmark = new JsonSlurper().parse(new File(out, 'results.json')).benchmarks[0]
assert benchmark.feedback == 'human'
assert benchmark.provider.alias == 'human'
assert benchmark.counts.testSet == 8 && benchmark.counts.corrected == 8
assert benchmark.perRound*.corrected == [8, 0, 0]
def episodes = new File(out, 'episodes.jsonl').readLines().collect { new JsonSlurper().parseText(it) }
assert episodes.every { e -> e.rounds.drop(1).every { it.annotator == 'it-annotator' && it.durationMs == 1000 * it.round } }
return true
