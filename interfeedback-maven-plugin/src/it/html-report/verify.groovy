import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/interfeedback')
def page = new File(out, 'report/index.html')

// evaluate and check print where the report is; the report goal rebuilt it beside the accepted run.
assert log.contains('Report: ' + page.path)
assert log.contains('Report: ' + page.path + ' (beside ')
assert page.isFile()

def html = page.text
def results = new JsonSlurper().parse(new File(out, 'results.json'))
def benchmark = results.benchmarks[0]
def percent = { double v -> String.format(Locale.ROOT, '%.1f%%', v * 100) }
// The figures on the page are results.json's.
assert html.contains("data-figure=\"it-benchmark/correctionRate\" data-value=\"${benchmark.correctionRate.value}\">${percent(benchmark.correctionRate.value)}<")
assert html.contains("data-figure=\"it-benchmark/accuracy\" data-value=\"${benchmark.accuracy.value}\">${percent(benchmark.accuracy.value)}<")
assert html.contains("data-count=\"it-benchmark/testSet\">${benchmark.counts.testSet}<")
assert html.contains('http-equiv="Content-Security-Policy"')

// The gate: check saved its verdict, and the page shows it.
def check = new JsonSlurper().parse(new File(out, 'check.json'))
assert check.passed == true
assert check.runId == results.runId
assert check.limits.size() == 2 && check.limits.every { it.status == 'met' }
assert html.contains('id="gate-verdict">The check passed<')
assert html.contains('correction rate') && html.contains('minimum 90%')

// Beside the accepted run, where no sample passed: every sample changed verdict.
def accepted = new JsonSlurper().parse(new File(basedir, 'target/accepted/results.json'))
assert accepted.benchmarks[0].counts.corrected == 0
assert html.contains('id="comparison"')
assert html.contains('<p id="changed-count">12 of 12 samples in both runs changed verdict')
assert new File(basedir, 'target/accepted/check.json').exists()
assert !new JsonSlurper().parse(new File(basedir, 'target/accepted/check.json')).passed

// The data for the sample list, and no request outside the report's folder.
assert new File(out, 'report/data/index.js').text.startsWith('interfeedbackReport.receive("index", ')
assert !(html =~ /(src|href)="(https?:|\/\/)/)

// mvn site lists the report under the project reports and holds its page.
def sitePage = new File(basedir, 'target/site/interfeedback/index.html')
assert sitePage.isFile()
assert sitePage.text.contains("data-figure=\"it-benchmark/correctionRate\"")
def projectReports = new File(basedir, 'target/site/project-reports.html')
assert projectReports.isFile() && projectReports.text.contains('interfeedback/index.html') && projectReports.text.contains('InterFeedback')
return true
