/**
 * A tamper-evident, hash-chained audit trail of exchange records, and its format. The
 * {@code verify-audit} command of {@code llm-tracing-tools} verifies it. Supported API:
 * {@link dev.llmtracing.audit.AuditTrailFormat}; the writer is internal.
 */
@NullMarked
package dev.llmtracing.audit;

import org.jspecify.annotations.NullMarked;
