def log = new File(basedir, 'build.log').text

def line = log.readLines().find { it.contains('Regression in benchmark it-benchmark') }
assert line != null
assert line.contains('pass rate 100.0% -> 0.0% over 30 paired samples (-100.0 points)')
assert line.contains('newly failing (30): s01, s02, s03')
assert line.contains('... and 10 more')
assert line.contains('newly passing (0)')
assert log.contains('BUILD FAILURE')
// The baseline is left as committed.
assert new File(basedir, 'baseline.json').text.contains('"s30": "CORRECTED"')
return true
