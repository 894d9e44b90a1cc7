/**
 * Auto-configuration of content capture: masking and encryption.
 */
@NullMarked
package dev.llmtracing.autoconfigure.content;

import org.jspecify.annotations.NullMarked;
