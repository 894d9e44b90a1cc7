/**
 * What an exchange record keeps of the prompt and the response: nothing, digests, the
 * masked and truncated messages, or those messages encrypted.
 */
@NullMarked
package dev.llmtracing.content;

import org.jspecify.annotations.NullMarked;
