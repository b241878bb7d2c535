def report = new File(basedir, 'target/surefire-reports/TEST-it.ItBenchmark.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
// 12 samples, all corrected at round 1: one test each, their rounds are not tests of their own
assert suite.@tests.toInteger() == 12
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0
assert suite.@skipped.toInteger() == 0
def names = suite.testcase*.@name*.toString()
assert names.size() == 12
assert names.contains('s01 [odd]')
assert names.every { it ==~ /s\d\d \[(odd|even)\]/ }
assert new File(basedir, 'target/interfeedback/results.json').isFile()
// one transcripts file for the benchmark, every sample's transcript in it
def transcripts = new File(basedir, 'target/interfeedback/transcripts/it-benchmark.txt').readLines('UTF-8')
assert transcripts.findAll { it.startsWith('sample: ') }.size() == 12
assert transcripts.contains('sample: s01 [odd]')
assert transcripts.contains('=== round 1 ===')
return true
