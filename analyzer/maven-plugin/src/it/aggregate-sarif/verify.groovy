import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Headroom check failed') : 'the app module fails its check'
// ... and with -fae the aggregate still runs, once, at the root, after both modules.
assert log.count('Headroom: the SARIF reports of lib, app in ') == 1

File aggregate = new File(basedir, 'target/headroom/headroom-aggregate.sarif')
assert aggregate.isFile()
def sarif = new JsonSlurper().parse(aggregate)
assert sarif.version == '2.1.0'
// A run per module, each with its own category: GitHub refuses two runs of one category in an upload.
assert sarif.runs.collect { it.automationDetails.id } == ['headroom/lib/', 'headroom/app/']
assert sarif.runs.collect { it.tool.driver.name }.unique() == ['headroom']
assert sarif.runs[0].results == []
def app = sarif.runs[1]
assert !app.results.isEmpty()
// Paths from the directory Maven ran in, the repository's root in CI: what GitHub matches against.
def uris = app.results.collect { it.locations[0].physicalLocation.artifactLocation.uri }.unique()
assert uris == ['app/src/main/java/demo/app/Controller.java'] : uris
assert app.results.every { it.locations[0].physicalLocation.region.startLine > 0 }

// Each module's own report is its run in the aggregate, unchanged; lib's is in the report directory its pom names.
['lib/target/lib-reports', 'app/target/headroom'].eachWithIndex { reports, i ->
    def own = new JsonSlurper().parse(new File(basedir, reports + '/headroom.sarif'))
    assert own.runs == [sarif.runs[i]] : reports
}
assert !new File(basedir, 'lib/target/headroom').exists()

// JUnit XML: each unsuppressed error is one failure.
def report = new JsonSlurper().parse(new File(basedir, 'app/target/headroom/headroom.json'))
int errors = report.findings.count { it.severity == 'error' && !it.suppressed }
assert errors > 0
def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'app/target/headroom/headroom-junit.xml')).documentElement
        .getElementsByTagName('testsuite').item(0)
assert suite.getAttribute('failures') == errors.toString()
assert suite.getAttribute('timestamp') == '1970-01-01T00:00:00'
return true
