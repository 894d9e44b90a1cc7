/**
 * The {@code decrypt} command: prints JSON lines with their encrypted content decrypted.
 */
@NullMarked
package dev.llmtracing.tools.crypto;

import org.jspecify.annotations.NullMarked;
