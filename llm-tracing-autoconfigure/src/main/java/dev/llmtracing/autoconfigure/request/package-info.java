/**
 * Auto-configuration of request records, one summary per inbound request, with what it
 * wires beside it: the tracker that follows each request (its timeline of model calls,
 * tools, retrieval and stages, and the breakdown of its time by part), the servlet filter
 * that opens and closes it, and the JSON logger of request records.
 */
@NullMarked
package dev.llmtracing.autoconfigure.request;

import org.jspecify.annotations.NullMarked;
