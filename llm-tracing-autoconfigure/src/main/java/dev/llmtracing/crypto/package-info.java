/**
 * Encryption of captured prompt and completion content, with rotating keys. The
 * {@code decrypt} command of {@code llm-tracing-tools} decrypts it again. Extension
 * point: {@link dev.llmtracing.crypto.ContentEncryptor}; the built-in
 * {@link dev.llmtracing.crypto.AesGcmContentEncryptor} and its
 * {@link dev.llmtracing.crypto.KeyRing} are supported API.
 */
@NullMarked
package dev.llmtracing.crypto;

import org.jspecify.annotations.NullMarked;
