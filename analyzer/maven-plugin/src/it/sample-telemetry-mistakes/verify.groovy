import groovy.json.JsonSlurper

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD FAILURE')
assert text =~ /Headroom check failed: \d+ findings at or above --fail-on error/
// Paths relative to the sample's sources, as the plugin knows its source roots.
assert text =~ /TelemetryHandler\.java:39 in onSample  growable-collection/
assert text =~ /LinkMonitor\.java:20 in onLinkStatusIrq  blocking-call/

def report = new JsonSlurper().parse(new File(basedir, 'target/headroom/headroom.json'))
assert report.verdict == 'fail'
def rules = report.findings.collect { it.rule } as Set
assert rules.containsAll(['growable-collection', 'heap-allocation', 'blocking-call', 'unbounded-loop'])
assert report.findings.any { it.suppressed && it.location.method == 'resizeFrameBuffer' }
// The @Initializer start() method's allocations are counted, by the static fields it assigns.
assert report.memory.items*.field.contains('com.example.telemetry.TelemetryApp.handler')
assert report.memory.items.every { it.origin == 'init-root' && it.initRoot.method == 'start' }
assert report.findings.any { it.rule == 'unbounded-static' && it.location.method == 'start' }
return true
