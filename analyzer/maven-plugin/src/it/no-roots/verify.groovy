import groovy.json.JsonSlurper

String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text =~ /\[WARNING\] Headroom: no roots in util, skipped \(no roots in 1 class of .*util.target.classes\); mark entry points with @RealTime or @InterruptHandler, or configure roots or rootAnnotations, or set allowNoRoots to false to fail the build instead/
assert !new File(basedir, 'util/target/headroom').exists() : 'a skipped module has no reports'
assert text.count('Headroom 0.1.0: ') == 1 : 'one module was checked'

def report = new JsonSlurper().parse(new File(basedir, 'app/target/headroom/headroom.json'))
assert report.verdict == 'pass'
assert report.roots.collect { it['class'] + '#' + it.method } == ['demo.app.Loop#step']
return true
