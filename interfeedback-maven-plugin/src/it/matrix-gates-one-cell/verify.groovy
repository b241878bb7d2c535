import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def results = new JsonSlurper().parse(new File(basedir, 'target/interfeedback/results.json'))

// Each cell is a benchmark of its own in results.json, grouped by its matrix.
def ids = results.benchmarks.collect { it.id }.sort()
assert ids == ['it-matrix[fair,strong,binary]', 'it-matrix[fair,strong,detailed]',
               'it-matrix[weak,strong,binary]', 'it-matrix[weak,strong,detailed]']
assert results.benchmarks.every { it.matrix == 'it-matrix' }
def cell = results.benchmarks.find { it.id == 'it-matrix[weak,strong,detailed]' }
assert cell.cell == 'weak,strong,detailed' && cell.receiver.alias == 'weak' && cell.feedback == 'detailed'

// The summary shows the matrix in the paper's layout: a row per receiver.
assert log.contains('matrix it-matrix: a row per receiver; per provider and feedback kind, #Test: correction rate [95% interval]')
assert log =~ /receiver\s+accuracy\s+#Neg\s+strong binary\s+strong detailed/
assert log =~ /\[INFO\] weak\s+0\.0%\s+12\s+12: 0\.0% \[0\.0, 24\.2\]\s+12: 0\.0% \[0\.0, 24\.2\]/
assert log =~ /\[INFO\] fair\s+0\.0%\s+12\s+12: 100\.0% \[75\.8, 100\.0\]/
// the cells are not repeated in the table of plain benchmarks
assert !(log =~ /\[INFO\] it-matrix\[/)

// The rule on one cell fails the build for that cell alone; the rule on the other receiver's cells holds.
assert log.contains('[ERROR] Rule violated for benchmark it-matrix[weak,strong,detailed]: correction rate is 0.0% [0.0, 24.2] (0 of 12), but expected minimum is 50%')
assert !log.contains('Rule violated for benchmark it-matrix[weak,strong,binary]')
assert !log.contains('Rule violated for benchmark it-matrix[fair')
assert log.contains('InterFeedback check failed: 1 violation (see the lines above)')

// The HTML report shows the matrix in the paper's layout, with the gate's verdict on the cells it judged.
def report = new File(basedir, 'target/interfeedback/report/index.html').text
assert report.contains('<table class="matrix" data-matrix="it-matrix">')
def rateCell = { id ->
    int at = report.indexOf('data-cell="' + id + '" data-field="correctionRate"')
    assert at > 0 : 'no correction rate of ' + id + ' in the report'
    report.substring(at, report.indexOf('</td>', at))
}
assert rateCell('it-matrix[weak,strong,detailed]').contains('gate: failed')
assert rateCell('it-matrix[fair,strong,detailed]').contains('gate: passed')
assert rateCell('it-matrix[fair,strong,binary]').contains('gate: passed')
// no rule names this cell
assert !rateCell('it-matrix[weak,strong,binary]').contains('gate:')
return true
