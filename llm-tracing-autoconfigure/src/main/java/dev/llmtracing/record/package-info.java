/**
 * The exchange record and the listeners that write it, such as the JSON exchange log.
 */
@NullMarked
package dev.llmtracing.record;

import org.jspecify.annotations.NullMarked;
