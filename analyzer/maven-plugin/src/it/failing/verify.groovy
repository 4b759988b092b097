import groovy.json.JsonSlurper

// Checks what the plugin does with the findings, not the analysis itself: the two findings below must be
// there; other analyses may add more.
String text = new File(basedir, 'build.log').text
assert text.contains('BUILD FAILURE')
assert text =~ /Headroom 0\.1\.0: FAIL, \d+ errors, \d+ warnings?, 0 suppressed \(1 root,/
// The failure names what failed, the first findings with file:line and rule, and where the full report is.
assert text =~ /Headroom check failed: \d+ findings at or above --fail-on error \(\d+ errors, \d+ warnings?, 0 suppressed\)/
assert text.contains('src/main/java/demo/Telemetry.java:13 in onSample  growable-collection  call to java.util.ArrayList.add(Object)')
assert text.contains('src/main/java/demo/Telemetry.java:13 in onSample  heap-allocation  call to java.lang.Integer.valueOf(int)')
File txt = new File(basedir, 'target/headroom/headroom.txt')
assert text.contains('Full report: ' + txt.path) || text.contains('Full report: ' + txt.canonicalPath)

def report = new JsonSlurper().parse(new File(basedir, 'target/headroom/headroom.json'))
assert report.verdict == 'fail'
def found = report.findings.collect { it.rule + ' ' + it.location.file + ':' + it.location.line }
assert found.containsAll(['growable-collection src/main/java/demo/Telemetry.java:13',
                          'heap-allocation src/main/java/demo/Telemetry.java:13'])
assert txt.readLines().last() ==~ /FAIL: \d+ findings at or above --fail-on error/
return true
