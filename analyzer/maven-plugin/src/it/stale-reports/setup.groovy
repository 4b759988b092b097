// A file of the user's own in the report directory: the plugin must leave it alone.
File reports = new File(basedir, 'target/headroom')
reports.mkdirs()
new File(reports, 'notes.txt').text = 'kept by the user\n'
return true
