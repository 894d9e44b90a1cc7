/**
 * A tamper-evident, hash-chained audit trail of exchange records, and its verifier.
 */
@NullMarked
package dev.llmtracing.audit;

import org.jspecify.annotations.NullMarked;
