def log = new File(basedir, 'build.log').text

assert log.contains('[WARNING] Rule violated for benchmark it-benchmark: correction rate is 0.0% [0.0, 24.2] (0 of 12), but expected minimum is 50%')
assert log.contains('[WARNING] InterFeedback check failed: 1 violation (see the lines above); haltOnFailure is false, so the build goes on')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR] Rule violated')
return true
