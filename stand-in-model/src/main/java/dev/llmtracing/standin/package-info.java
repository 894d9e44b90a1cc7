/**
 * An offline OpenAI-compatible chat completions server: the default model of the sample
 * app and the model of the end-to-end tests.
 */
@NullMarked
package dev.llmtracing.standin;

import org.jspecify.annotations.NullMarked;
