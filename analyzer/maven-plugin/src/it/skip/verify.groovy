String text = new File(basedir, 'build.log').text
assert text.contains('Headroom check skipped (headroom.skip)')
assert text.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/headroom').exists()
assert new File(basedir, 'target/classes/demo/Telemetry.class').isFile() : 'the build itself ran'
return true
