import groovy.json.JsonSlurper

File log = new File(basedir, 'build.log')
assert log.isFile()
String text = log.text
assert text.contains('BUILD SUCCESS')
assert text.contains('Headroom 0.1.0: PASS, 0 errors, 0 warnings, 0 suppressed (2 roots,')
// No warning from the check itself (Maven's own, e.g. about checksums of the IT's local repository, may come
// before it, depending on what that repository already holds).
String check = text.substring(text.indexOf('headroom-maven-plugin'))
assert !check.contains('[WARNING]') : check

File reports = new File(basedir, 'target/headroom')
File json = new File(reports, 'headroom.json')
File txt = new File(reports, 'headroom.txt')
assert json.isFile() && txt.isFile() : 'default formats are text and json'
assert reports.list().sort() == ['headroom.json', 'headroom.txt']

def report = new JsonSlurper().parse(json)
assert report.verdict == 'pass'
assert report.findings == []
assert report.summary.errors == 0 && report.summary.warnings == 0
assert report.memory.budgetBytes == 65536 : 'headroom.ramBudget reached the core'
assert report.memory.verdict == 'pass'
assert report.roots.collect { it['class'] + '#' + it.method + ' ' + it.kind }.sort() ==
        ['demo.Motor#control real-time', 'demo.Motor#onEncoderTick interrupt']
assert txt.readLines().last() == 'PASS'
return true
