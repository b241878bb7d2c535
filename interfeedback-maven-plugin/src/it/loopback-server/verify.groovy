import groovy.json.JsonSlurper

context.get('server')?.stop(0)
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/interfeedback')

// 10 samples: all wrong at round 0; s09 is stubborn (not corrected), s10 gets HTTP 500 (aborted).
assert log.contains('InterFeedback: 10 samples: 8 passed, 1 failed (not corrected), 0 skipped (outside the test set), 1 aborted (model errors)')
assert log =~ /\[WARNING\] Model calls failed; the first: s10 .*HTTP 500 .*scripted failure/
def benchmark = new JsonSlurper().parse(new File(out, 'results.json')).benchmarks[0]
assert benchmark.receiver.alias == 'remote'
assert benchmark.receiver.model == 'receiver-model'
assert benchmark.receiver.simulated == false
assert benchmark.counts == [samples: 10, correctAtRound0: 0, wrongAtRound0: 9, errorsAtRound0: 1, excluded: 0, testSet: 9,
        errorsAfterRound0: 0, corrected: 8, notCorrected: 1, errors: 1]
assert benchmark.perRound*.corrected == [8, 0]
assert benchmark.receiver.tokens.prompt > 0
def error = new File(out, 'episodes.jsonl').readLines().find { it.contains('"sampleId":"s10"') }
assert error.contains('"status":"ERROR"') && error.contains('HTTP 500') && error.contains('scripted failure')
// The key went in the Authorization header only: never into a report.
out.eachFileRecurse { f -> if (f.isFile()) assert !f.text.contains('it-secret-key') }
assert !log.contains('it-secret-key')
assert context.get('requests').get() > 20
// JUnit XML and Open Test Reporting count one test per sample, one failure per sample not corrected
def suite = new groovy.xml.XmlSlurper().parse(new File(out, 'junit-xml/TEST-interfeedback.xml'))
assert [suite.@tests, suite.@failures, suite.@errors, suite.@skipped]*.toInteger() == [10, 1, 0, 1]
def events = new File(out, 'open-test-reporting').listFiles().find { it.name.endsWith('.xml') }
def tests = new groovy.xml.XmlSlurper().parse(events).'**'.findAll { it.name() == 'started' && it.'**'.find { t -> t.name() == 'type' }?.text() == 'TEST' }
assert tests.size() == 10
return true
