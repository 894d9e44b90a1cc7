/**
 * What an exchange record keeps of the prompt and the response: nothing, digests, the
 * masked and truncated messages, or those messages encrypted. Supported API:
 * {@link dev.llmtracing.content.ContentMode}; the other public types are internal.
 */
@NullMarked
package dev.llmtracing.content;

import org.jspecify.annotations.NullMarked;
