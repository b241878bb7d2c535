def log = new File(basedir, 'build.log').text

assert log.contains('baseline.json does not exist. Create it from an accepted run with -Dinterfeedback.baseline.update=true and commit it; it is never created silently.')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'baseline.json').exists()
return true
