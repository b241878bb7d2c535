import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/interfeedback')

assert log.contains('InterFeedback: 12 samples: 12 passed, 0 failed (not corrected), 0 skipped (outside the test set), 0 aborted (model errors)')
assert log =~ /it-benchmark\s+receiver \(simulated\)\s+provider \(simulated\)\s+detailed x3\s+0\.0%\s+12\s+100\.0% \[75\.8, 100\.0\]/
assert log.contains('Benchmark it-benchmark against baseline: pass rate 100.0% -> 100.0% over 12 paired samples (+0.0 points)')
assert log.contains('InterFeedback check passed: 3 rules and the baseline comparison on 1 benchmark')

def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.schemaVersion == 1
assert results.benchmarks[0].counts == [samples: 12, correctAtRound0: 0, wrongAtRound0: 12, errorsAtRound0: 0, excluded: 0,
        testSet: 12, errorsAfterRound0: 0, corrected: 12, notCorrected: 0, errors: 0]
assert results.runId ==~ /\d{8}T\d{6}Z-[0-9a-f]{8}/
assert new File(out, 'episodes.jsonl').readLines().size() == 12
// The CI reports name every sample, and none failed.
def junitXml = new groovy.xml.XmlSlurper().parse(new File(out, 'junit-xml/TEST-interfeedback.xml'))
assert junitXml.@failures.toInteger() == 0 && junitXml.@errors.toInteger() == 0
def samples = (1..12).collect { String.format('s%02d', it) }
def testcases = junitXml.testcase*.@name*.toString()
samples.each { id -> assert testcases.any { it.startsWith(id + ' [') } : "no testcase for $id in JUnit XML" }
def openTestReporting = new File(out, 'open-test-reporting').listFiles().find { it.name.endsWith('.xml') }.text
samples.each { id -> assert openTestReporting.contains("name=\"$id [") : "no test for $id in Open Test Reporting XML" }
assert !openTestReporting.contains('status="FAILED"')
// a sample's rounds and the place of its transcript are one report entry; the benchmark attaches the transcripts file
def s01 = junitXml.testcase.find { it.@name.toString().startsWith('s01 [') }
def s01Out = s01.'system-out'.text()
assert s01Out.contains('- round 0: answered ') : s01Out
def location = (s01Out =~ /- transcript: (.+\.txt):(\d+)/)
assert location.find() : s01Out
def transcriptLines = new File(location.group(1)).readLines('UTF-8')
def line = location.group(2).toInteger()
assert transcriptLines[line - 1] == 'benchmark: it-benchmark'
assert transcriptLines[line].startsWith('sample: s01 [')
assert openTestReporting =~ /path="[^"]*transcripts[^"]*\.txt"/
return true
