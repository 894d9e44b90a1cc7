/**
 * Masking of personal data and secrets in captured content: fast, validated detectors
 * without regular expressions, user patterns, and pluggable redactors.
 */
@NullMarked
package dev.llmtracing.redact;

import org.jspecify.annotations.NullMarked;
