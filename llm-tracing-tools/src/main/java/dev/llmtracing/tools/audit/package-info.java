/**
 * The {@code verify-audit} command: verifies the hash chain of an audit trail.
 */
@NullMarked
package dev.llmtracing.tools.audit;

import org.jspecify.annotations.NullMarked;
