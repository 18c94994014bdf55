// The run folder of `mvn migbench:sweep`: one CSV row per trial, the report, the scenario as run
def run = new File(basedir, 'target/migbench/tiny-run')
assert run.isDirectory() : "no run folder ${run}"

def lines = new File(run, 'trials.csv').readLines()
def header = lines[0].split(',') as List
def rows = lines.drop(1).collect { it.split(',', -1) as List }
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
