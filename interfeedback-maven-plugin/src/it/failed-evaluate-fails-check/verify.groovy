def log = new File(basedir, 'build.log').text

// The first build passed and wrote the baseline; the second failed on configuration.
assert log.contains('Baseline written to')
assert log.contains('no model is configured for alias "candidate"')
// The third, check alone, fails on the missing results of the failed run instead of passing on the old ones.
assert log =~ /results\.json does not exist/
assert !log.contains('InterFeedback check passed: 0 rules and the baseline comparison')
assert !new File(basedir, 'target/interfeedback/results.json').exists()
// Nor do the accepted run's XML reports stay for a CI dashboard to read as this build's.
['junit-xml', 'open-test-reporting'].each { reports ->
    def dir = new File(basedir, "target/interfeedback/$reports")
    assert !dir.exists() || dir.listFiles().length == 0 : "$dir still holds the accepted run's reports: ${dir.list()}"
}
return true
