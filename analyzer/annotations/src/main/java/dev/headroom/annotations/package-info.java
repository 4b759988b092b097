/**
 * Annotations that tell Headroom which methods are real-time or interrupt entry points, what their
 * deadlines are, how loops are bounded and which findings are accepted. All have {@code CLASS}
 * retention: they are in the class files for the analyzer and cost nothing at run time.
 */
package dev.headroom.annotations;
