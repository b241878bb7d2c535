def log = new File(basedir, 'build.log').text

// A benchmark that cannot run is broken configuration: evaluate fails and names what to set.
assert log.contains('InterFeedback benchmarks could not run')
assert log.contains('no model is configured for alias "candidate": set interfeedback.model.candidate.url')
assert log =~ /Failed to execute goal dev\.interfeedback:interfeedback-maven-plugin:[^:]+:evaluate/
assert !log.contains('interfeedback-maven-plugin:0.1.0-SNAPSHOT:check')
return true
