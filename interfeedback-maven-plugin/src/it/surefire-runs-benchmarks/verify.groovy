def report = new File(basedir, 'target/surefire-reports/TEST-it.ItBenchmark.xml')
assert report.isFile()
def suite = new groovy.xml.XmlSlurper().parse(report)
// 12 samples, each with its round 0 and round 1 (all corrected at round 1)
assert suite.@tests.toInteger() == 36
assert suite.@failures.toInteger() == 0
assert suite.@errors.toInteger() == 0
def names = suite.testcase*.@name*.toString()
assert names.count { it.startsWith('s01 [odd]') || it == 's01 [odd]' } >= 1
assert names.any { it.contains('round 1: answered B (right)') }
assert new File(basedir, 'target/interfeedback/results.json').isFile()
return true
