/**
 * Auto-configuration of the audit trail.
 */
@NullMarked
package dev.llmtracing.autoconfigure.audit;

import org.jspecify.annotations.NullMarked;
