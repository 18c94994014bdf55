// The gate failed the build after a real trial, and said why with the figures
def log = new File(basedir, 'build.log').text
def m = log =~ /migbench sweep: assertion failed: platform local on \S+: median ([\d,]+) rows\/s of the best configuration \(migbench t2, n=1, no interval: a single trial\) is below the required minimum of 1,000,000,000,000 rows\/s/
assert m.find() : "the failure names the platform and the figures:\n${log}"
assert m.group(1).replace(',', '').toLong() > 0
def rows = new File(basedir, 'target/migbench/gate/trials.csv').readLines()
assert rows.size() == 2 : 'the trial itself ran and was recorded'
return true
