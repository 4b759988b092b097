import groovy.json.JsonSlurper

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text.contains('Headroom 0.1.0: PASS, 0 errors, 0 warnings, 0 suppressed (3 roots,')

File reports = new File(basedir, 'target/headroom')
assert reports.list().sort() == ['headroom-junit.xml', 'headroom.json', 'headroom.sarif', 'headroom.txt']
def report = new JsonSlurper().parse(new File(reports, 'headroom.json'))
assert report.verdict == 'pass' && report.findings == []
assert report.memory.verdict == 'pass' && report.memory.totalBytes > 0
assert report.memory.stack.every { it.verdict == 'pass' }
assert report.timing.roots.every { it.bounded && it.verdict == 'pass' } : 'every root meets its @Deadline'
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(reports, 'headroom-junit.xml')).documentElement.getElementsByTagName('testsuite').item(0)
assert junit.getAttribute('failures') == '0'
assert junit.getAttribute('tests').toInteger() >= 3 : 'a test case per root, and per budget'
return true
