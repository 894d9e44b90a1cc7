/**
 * Quality signals computed on every exchange without another model call: truncated,
 * content filtered, empty, refused, slow, nondeterministic and drifting answers.
 */
@NullMarked
package dev.llmtracing.quality;

import org.jspecify.annotations.NullMarked;
