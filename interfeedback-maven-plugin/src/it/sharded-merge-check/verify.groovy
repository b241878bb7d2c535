import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()
def target = new File(basedir, 'target')

// Each shard ran its part of the 30 samples and wrote its manifest.
def covered = []
(1..3).each { k ->
    def manifest = json.parse(new File(target, "shards/shard-$k/shard.json"))
    assert manifest.shard == "$k/3"
    assert manifest.benchmarks*.finished == [true]
    assert manifest.benchmarks[0].datasetSamples == 30
    covered += manifest.benchmarks[0].samples*.id
}
assert covered.size() == 30 && covered.toSet().size() == 30

// The merged results equal the unsharded run's, field by field; only the run id differs.
def merged = json.parse(new File(target, 'interfeedback/results.json'))
def whole = json.parse(new File(target, 'whole/results.json'))
assert merged.runId ==~ /merge-[0-9a-f]{12}/
assert JsonOutput.toJson(merged.findAll { it.key != 'runId' }) == JsonOutput.toJson(whole.findAll { it.key != 'runId' })
def lines = { file -> file.readLines().collect { line -> def e = json.parseText(line); e.remove('runId'); JsonOutput.toJson(e) }.sort() }
assert lines(new File(target, 'interfeedback/episodes.jsonl')) == lines(new File(target, 'whole/episodes.jsonl'))
assert lines(new File(target, 'interfeedback/episodes.jsonl')).size() == 30

assert log.contains('shard-1/results.json holds the results of one shard only')
assert log.contains('Merged 3 shards into run ' + merged.runId)
assert log.contains('InterFeedback check passed: 1 rule on 1 benchmark')
// The merge with a shard missing was refused, naming it, and wrote nothing.
assert log.contains('InterFeedback merge refused: shard 2/3 is missing: 2 of 3 shard directories given')
assert !new File(target, 'refused/results.json').exists()
return true
