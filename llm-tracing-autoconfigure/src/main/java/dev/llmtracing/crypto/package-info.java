/**
 * Encryption of captured prompt and completion content, with rotating keys. The
 * {@code decrypt} command of {@code llm-tracing-tools} decrypts it again.
 */
@NullMarked
package dev.llmtracing.crypto;

import org.jspecify.annotations.NullMarked;
