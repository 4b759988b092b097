import groovy.json.JsonSlurper

// Runs 1 and 2 ended as invoker.properties expects; this reads what run 2 left behind.
File reports = new File(basedir, 'target/headroom')
assert reports.list().sort() == ['headroom.json', 'notes.txt'] : reports.list()
assert new File(reports, 'notes.txt').text == 'kept by the user\n'
def report = new JsonSlurper().parse(new File(reports, 'headroom.json'))
assert report.verdict == 'pass'
return true
