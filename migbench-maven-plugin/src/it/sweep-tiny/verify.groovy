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

// summary.json: the platform, its best configuration with the median (no interval from a single trial), the tool
def summary = new groovy.json.JsonSlurper().parse(new File(run, 'summary.json'))
assert summary.summary_version == 1
assert summary.tool.migbench_version : "the tool version is recorded: ${summary.tool}"
assert summary.runs[0].migbench_versions.every { it.startsWith(summary.tool.migbench_version) } :
        "every trial recorded the migbench that measured it: ${summary.runs[0].migbench_versions}"
assert !summary.runs[0].java_versions.contains('unknown') : "and its Java: ${summary.runs[0].java_versions}"
def platform = summary.platforms.find { it.platform == 'local' }
assert platform : "summary.json holds the platform local: ${summary.platforms*.platform}"
assert platform.best in ['migbench t1', 'migbench t2'] : "best configuration named: ${platform.best}"
assert platform.best_rows_per_second.n == 1 && platform.best_rows_per_second.median > 0
assert platform.best_rows_per_second.ci_low == null : 'one trial has no interval'
assert platform.tied.contains(platform.best)
assert platform.configurations.size() == 2
assert platform.recommendation.tasks in [1, 2]

def scenario = new File(run, 'scenario.yaml').text
assert scenario =~ /(?m)^trials: 1$/ : "the override is recorded in scenario.yaml:\n${scenario}"

def log = new File(basedir, 'build.log').text
assert log =~ /assertion holds: platform local on \S+: median [\d,]+ rows\/s of the best configuration \(migbench t[12], n=1, no interval: a single trial\); at least 1 rows\/s required/
return true
