import groovy.json.JsonSlurper

def benchmark = new JsonSlurper().parse(new File(basedir, 'target/interfeedback/results.json')).benchmarks[0]
// -Dinterfeedback.receiver beat the POM's receiver, and -Dinterfeedback.feedback the properties' one.
assert benchmark.receiver.alias == 'candidate'
assert benchmark.feedback == 'detailed'
// The POM's configurationParameters beat junit-platform.properties ...
assert benchmark.maxRounds == 2
assert benchmark.perRound.size() == 2
// ... which still give what nobody overrides: the candidate, always wrong at round 0 and fixed by
// detailed feedback at round 1, on all 12 samples.
assert benchmark.counts == [samples: 12, correctAtRound0: 0, wrongAtRound0: 12, errorsAtRound0: 0, excluded: 0,
        testSet: 12, errorsAfterRound0: 0, corrected: 12, notCorrected: 0, errors: 0]
assert benchmark.perRound*.corrected == [12, 0]
// junit-platform.properties turned Open Test Reporting off: neither the plugin's writer nor JUnit's wrote it.
def openTestReporting = new File(basedir, 'target/interfeedback/open-test-reporting')
assert !openTestReporting.exists() || openTestReporting.list().length == 0 : "written anyway: ${openTestReporting.list()}"
assert !new File(basedir, 'build.log').text.contains('Open Test Reporting XML in')
return true
