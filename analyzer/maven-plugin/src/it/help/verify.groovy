String text = new File(basedir, 'build.log').text
assert text.contains('BUILD SUCCESS')
assert text.contains('headroom:check')
// Every user parameter of check is described, and no description says it is not used.
for (String parameter in ['skip', 'jdk', 'roots', 'interruptRoots', 'rootAnnotations', 'ramBudget', 'stackBudget',
        'sourceRoots', 'layout', 'costModel', 'rules', 'excludes', 'rulePacks', 'formats', 'failOn', 'maxFindings',
        'baseline', 'writeBaseline', 'flowFacts', 'dispatch', 'coldPaths', 'assertions', 'timingExceptions',
        'groupBy', 'reportDirectory']) {
    assert text =~ /(?m)^    $parameter( \(Default: [^)]*\))?$/ : "$parameter missing from:\n$text"
    assert text.contains("User property: headroom.$parameter") || parameter == 'reportDirectory'
}
assert !text.contains('not yet used')
assert !text.contains('(no description)')
assert text.contains('unbounded-loop=warning')
return true
