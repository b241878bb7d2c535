def log = new File(basedir, 'build.log').text

// The first build passed and wrote the baseline; the second failed on configuration.
assert log.contains('Baseline written to')
assert log.contains('no model is configured for alias "candidate"')
// The third, check alone, fails on the missing results of the failed run instead of passing on the old ones.
assert log =~ /results\.json does not exist/
assert !log.contains('InterFeedback check passed: 0 rules and the baseline comparison')
assert !new File(basedir, 'target/interfeedback/results.json').exists()
// The XML reports a CI dashboard reads are the failed run's, not the accepted run's beside them.
def junitXml = new File(basedir, 'target/interfeedback/junit-xml').listFiles()
assert junitXml.length == 1
def suite = new groovy.xml.XmlSlurper().parse(junitXml[0])
assert suite.@tests.toInteger() > 0 && suite.@errors.toInteger() == suite.@tests.toInteger() : "not the failed run's report: ${suite.attributes()}"
// Nor is the accepted run's Open Test Reporting XML, which named every sample.
def openTestReports = new File(basedir, 'target/interfeedback/open-test-reporting').listFiles() ?: []
assert openTestReports.every { !it.text.contains('[sample:') } : "the accepted run's reports are still there: ${openTestReports*.name}"
return true
