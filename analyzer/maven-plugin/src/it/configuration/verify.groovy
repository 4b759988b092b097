import groovy.json.JsonSlurper

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text =~ /Headroom 0\.1\.0: PASS, 0 errors, \d+ warnings?, 0 suppressed \(1 root,/

def report = new JsonSlurper().parse(new File(basedir, 'target/headroom/headroom.json'))
assert report.verdict == 'pass'
// excludes: the generated class is no input, so its @RealTime method is no root.
assert report.roots.collect { it['class'] + '#' + it.method } == ['demo.Telemetry#onSample']
// rules: the levels are applied to the findings and shown in the root's rule list.
assert report.findings.every { it.rule != 'heap-allocation' }
def growth = report.findings.findAll { it.rule == 'growable-collection' }
assert growth.size() == 1 && growth[0].severity == 'warning'
assert report.roots[0].rules.containsAll(['growable-collection:warning', 'heap-allocation:off', 'recursion:error'])
File txt = new File(basedir, 'target/headroom/headroom.txt')
assert txt.text.contains('growable-collection:warning, heap-allocation:off')
return true
