/**
 * Masking of personal data and secrets in captured content: the built-in masker,
 * {@link dev.llmtracing.redact.PiiMasker}, with its fast, validated detectors without
 * regular expressions and the user patterns, and pluggable redactors. Extension point:
 * {@link dev.llmtracing.redact.Redactor}; the placeholders,
 * {@link dev.llmtracing.redact.Placeholders}, are supported API.
 */
@NullMarked
package dev.llmtracing.redact;

import org.jspecify.annotations.NullMarked;
