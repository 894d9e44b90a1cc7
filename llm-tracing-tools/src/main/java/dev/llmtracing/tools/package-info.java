/**
 * The command-line tools for llm-tracing files, as one runnable jar.
 */
@NullMarked
package dev.llmtracing.tools;

import org.jspecify.annotations.NullMarked;
