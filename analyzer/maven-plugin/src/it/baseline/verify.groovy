import groovy.json.JsonSlurper

// Runs 1 and 2 passed (invoker checks their build results); this reads what run 3 left behind.
File baselineFile = new File(basedir, 'headroom-baseline.json')
assert baselineFile.isFile()
def recorded = new JsonSlurper().parse(baselineFile)
assert recorded.baselineVersion == 1
def recordedRules = recorded.findings.collect { it.rule } as Set
assert recordedRules.containsAll(['growable-collection', 'heap-allocation'])
assert recorded.findings.every { it.location.startsWith('demo.Telemetry#onSample') }

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD FAILURE')
assert text =~ /Headroom check failed: \d+ findings? not in the baseline at or above --fail-on error/
assert text.contains('src/main/java/demo/Telemetry.java:18 in record  heap-allocation')

def report = new JsonSlurper().parse(new File(basedir, 'target/headroom/headroom.json'))
assert report.verdict == 'fail'
// The new root's allocation fails; the recorded ones are accepted, not counted again.
assert report.findings.any { it.rule == 'heap-allocation' && it.location.method == 'record' }
assert report.findings.every { it.location.method != 'onSample' }
assert report.baseline.accepted.size() >= 2
return true
