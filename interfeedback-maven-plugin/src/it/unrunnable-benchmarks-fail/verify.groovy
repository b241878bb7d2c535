def log = new File(basedir, 'build.log').text

// Broken configuration, not a result: evaluate fails, naming the variable to set and the file it
// cannot read, and check never runs on what is not there.
assert log.contains('IT_INTERFEEDBACK_UNSET_KEY')
assert log.contains('no-such-dataset.jsonl')
assert log =~ /Failed to execute goal dev\.interfeedback:interfeedback-maven-plugin:[^:]+:evaluate/
assert !log.contains('interfeedback-maven-plugin:0.1.0-SNAPSHOT:check')
assert !new File(basedir, 'target/interfeedback/results.json').exists()
return true
