/**
 * The per-request view: where the time of one inbound request went (model, tool,
 * retrieval, each stage, other), and its summary record.
 */
@NullMarked
package dev.llmtracing.request;

import org.jspecify.annotations.NullMarked;
