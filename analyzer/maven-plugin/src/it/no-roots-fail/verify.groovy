String text = new File(basedir, 'build.log').text
assert text.contains('BUILD FAILURE')
assert text =~ /Headroom: no roots in no-roots-fail \(no roots in 1 class of .*target.classes\): mark entry points with @RealTime or @InterruptHandler, or configure roots or rootAnnotations, or set allowNoRoots to true to skip a module without roots/
assert !text.contains('Headroom 0.1.0: PASS') : 'no verdict on nothing'
assert !new File(basedir, 'target/headroom').exists()
return true
