import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Baseline written to')
assert log.contains('(12 samples in 1 benchmarks) because interfeedback.baseline.update=true; review and commit it')
def baseline = new JsonSlurper().parse(new File(basedir, 'baseline.json'))
assert baseline.schemaVersion == 1
assert baseline.benchmarks['it-benchmark'].samples.size() == 12
assert baseline.benchmarks['it-benchmark'].samples.values().every { it == 'CORRECTED' }
return true
