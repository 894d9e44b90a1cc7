/**
 * Masking of personal data and secrets in captured content: fast, validated detectors
 * without regular expressions, user patterns, and pluggable redactors. Extension point:
 * {@link dev.llmtracing.redact.Redactor}; the placeholders,
 * {@link dev.llmtracing.redact.Placeholders}, are supported API.
 */
@NullMarked
package dev.llmtracing.redact;

import org.jspecify.annotations.NullMarked;
