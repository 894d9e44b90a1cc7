/**
 * Keeps the HTTP call of a streaming request through Spring AI's OpenAI client in the
 * caller's trace. The OpenAI SDK sends streaming requests from a common-pool task where
 * no observation is current, so the HTTP span would otherwise start a trace of its own. A
 * one-time marker header travels with the request from the {@code ChatClient} to the HTTP
 * client, names the model observation to parent the HTTP span on, and is removed before
 * the request leaves the application.
 */
@NullMarked
package dev.llmtracing.openai;

import org.jspecify.annotations.NullMarked;
