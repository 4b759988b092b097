import groovy.json.JsonSlurper

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text.contains('Headroom 0.1.0: PASS, 0 errors, 0 warnings, 0 suppressed (5 roots,')

File reports = new File(basedir, 'target/headroom')
assert reports.list().sort() == ['headroom-junit.xml', 'headroom.json', 'headroom.sarif', 'headroom.txt']
def report = new JsonSlurper().parse(new File(reports, 'headroom.json'))
assert report.verdict == 'pass' && report.findings == []
// The collections are the sample's dependency: the plugin puts them on the classpath, and their arrays count.
assert report.memory.verdict == 'pass' && report.memory.bounded && report.memory.totalBytes > 4096
assert report.memory.stack.every { it.verdict == 'pass' }
assert report.timing.roots.size() == 5
assert report.timing.roots.every { it.bounded && it.verdict == 'pass' } : 'every root meets its @Deadline'
def onSample = report.timing.roots.find { it.root.method == 'onSample' }
assert onSample.wcet < onSample.deadline : 'bounded from the capacities in static state'
return true
