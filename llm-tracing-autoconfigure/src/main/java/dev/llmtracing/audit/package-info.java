/**
 * A tamper-evident, hash-chained audit trail of exchange records, and its format. The
 * {@code verify-audit} command of {@code llm-tracing-tools} verifies it.
 */
@NullMarked
package dev.llmtracing.audit;

import org.jspecify.annotations.NullMarked;
