// The run folder of `mvn migbench:sweep`: one CSV row per trial, the report, the scenario as run
def run = new File(basedir, 'target/migbench/tiny-run')
assert run.isDirectory() : "no run folder ${run}"

// RFC 4180 cells: a quoted cell may hold commas (wait events) and doubled quotes
def cells = { String line ->
    def out = []
    def m = line =~ /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/
    while (m.find()) { out << (m.group(1) != null ? m.group(1).replace('""', '"') : m.group(2)) }
    out
}
def lines = new File(run, 'trials.csv').readLines()
def header = cells(lines[0])
def rows = lines.drop(1).collect { cells(it) }
assert rows.size() == 2 : "two points (1 and 2 tasks) x one trial (-Dmigbench.trials=1), got ${rows.size()}"
def status = header.indexOf('status')
def tasks = header.indexOf('tasks')
assert rows.every { it[status] == 'ok' } : "every trial ok: ${rows.collect { it[status] }}"
assert rows.collect { it[tasks] }.sort() == ['1', '2']

def report = new File(run, 'REPORT.md')
assert report.isFile() && report.text.contains('local') : 'REPORT.md names the platform'

def scenario = new File(run, 'scenario.yaml').text
assert scenario =~ /(?m)^trials: 1$/ : "the override is recorded in scenario.yaml:\n${scenario}"

def log = new File(basedir, 'build.log').text
assert log.contains('assertion holds: platform local: at least 1 rows/s')
return true
