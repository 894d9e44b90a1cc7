/**
 * Encryption of captured prompt and completion content, with rotating keys, and a command
 * that decrypts it again.
 */
@NullMarked
package dev.llmtracing.crypto;

import org.jspecify.annotations.NullMarked;
