def log = new File(basedir, 'build.log').text

// The first build passed and wrote the baseline; the second failed on configuration.
assert log.contains('Baseline written to')
assert log.contains('no model is configured for alias "candidate"')
// The third, check alone, fails on the missing results of the failed run instead of passing on the old ones.
assert log =~ /results\.json does not exist/
assert !log.contains('InterFeedback check passed: 0 rules and the baseline comparison')
assert !new File(basedir, 'target/interfeedback/results.json').exists()
return true
