/**
 * Auto-configuration of request records: one summary per inbound request.
 */
@NullMarked
package dev.llmtracing.autoconfigure.request;

import org.jspecify.annotations.NullMarked;
