/**
 * JMH benchmarks of prompt masking: {@code PiiMasker} against logstash-logback-encoder's
 * regex value maskers.
 */
@NullMarked
package dev.llmtracing.benchmarks;

import org.jspecify.annotations.NullMarked;
