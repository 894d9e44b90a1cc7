/**
 * A Spring AI chat service that uses llm-tracing the way an application would.
 */
@NullMarked
package dev.llmtracing.sample;

import org.jspecify.annotations.NullMarked;
