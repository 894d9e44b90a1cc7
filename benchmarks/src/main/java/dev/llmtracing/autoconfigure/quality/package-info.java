/**
 * The quality-signal benchmark, in the package of the (package-private) length-drift
 * check it times.
 */
@NullMarked
package dev.llmtracing.autoconfigure.quality;

import org.jspecify.annotations.NullMarked;
