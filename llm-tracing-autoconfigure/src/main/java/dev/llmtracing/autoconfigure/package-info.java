/**
 * Spring Boot auto-configuration for llm-tracing.
 */
@NullMarked
package dev.llmtracing.autoconfigure;

import org.jspecify.annotations.NullMarked;
