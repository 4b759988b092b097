import groovy.json.JsonSlurper

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text.contains('Headroom check skipped: packaging pom has no classes')
assert !new File(basedir, 'target/headroom').exists() : 'the aggregator has no report'

def expectedRoots = ['lib': ['demo.lib.MovingAverage#add'], 'app': ['demo.app.Controller#step']]
expectedRoots.each { module, roots ->
    File dir = new File(basedir, module + '/target/headroom')
    assert dir.list().sort() == ['headroom.json', 'headroom.txt'] : module
    def report = new JsonSlurper().parse(new File(dir, 'headroom.json'))
    assert report.verdict == 'pass' : module
    assert report.roots.collect { it['class'] + '#' + it.method } == roots : module
    // app calls into lib: with lib on app's classpath the call is followed, not reported as unresolved.
    assert report.findings == [] : module + ': ' + report.findings
    assert new File(dir, 'headroom.txt').readLines().last() == 'PASS'
}
assert text.count('Headroom 0.1.0: PASS, 0 errors, 0 warnings, 0 suppressed (1 root,') == 2
return true
