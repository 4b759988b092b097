import groovy.json.JsonSlurper

// Runs 1 and 2 ended as invoker.properties expects; build.log holds both.
String text = new File(basedir, 'build.log').text
int second = text.lastIndexOf('Building Headroom IT')
assert second > text.indexOf('Building Headroom IT') : 'two builds in the log'
String first = text.substring(0, second)
// Run 1 failed on its findings after writing every format (not on anything else).
assert first.contains('Headroom check failed:')
assert first =~ /Headroom reports: .*headroom\.txt, .*headroom\.json, .*headroom\.sarif, .*headroom-junit\.xml, .*headroom\.html/

// What run 2 left: its own report and the user's file, nothing of run 1.
File reports = new File(basedir, 'target/headroom')
assert reports.list().sort() == ['headroom.json', 'notes.txt'] : reports.list().sort().join(', ')
assert new File(reports, 'notes.txt').text == 'kept by the user\n'
def report = new JsonSlurper().parse(new File(reports, 'headroom.json'))
assert report.verdict == 'pass'
return true
