import groovy.json.JsonSlurper

// The same summary lines the command line prints on standard error, at warn level: the build passes, but
// what was found is not hidden.
String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text =~ /\[WARNING\] Headroom 0\.1\.0: PASS, \d+ errors, \d+ warnings?, 0 suppressed \(1 root,/
assert text.contains('[WARNING]   src/main/java/demo/Telemetry.java:13 in onSample  growable-collection  call to java.util.ArrayList.add(Object)')
assert text.contains('[WARNING]   src/main/java/demo/Telemetry.java:13 in onSample  heap-allocation  call to java.lang.Integer.valueOf(int)')
assert text =~ /\[WARNING\] Headroom reports: .*headroom.txt, .*headroom.json/

def report = new JsonSlurper().parse(new File(basedir, 'target/headroom/headroom.json'))
assert report.verdict == 'pass'
assert report.summary.errors >= 2
return true
