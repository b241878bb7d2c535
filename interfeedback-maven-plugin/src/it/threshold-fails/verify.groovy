def log = new File(basedir, 'build.log').text

// The evaluate goal ran and did not fail on the samples that were not corrected ...
assert log.contains('InterFeedback: 12 samples: 0 passed, 12 failed (not corrected)')
// ... the check goal names each violated limit on one line ...
assert log.contains('[ERROR] Rule violated for benchmark it-benchmark: correction rate is 0.0% [0.0, 24.2] (0 of 12), but expected minimum is 50%')
assert !log.contains('Rule violated for benchmark it-benchmark: error rate')
// ... and fails the build with a summary.
assert log.contains('InterFeedback check failed: 1 violation (see the lines above)')
assert log.contains('BUILD FAILURE')
return true
