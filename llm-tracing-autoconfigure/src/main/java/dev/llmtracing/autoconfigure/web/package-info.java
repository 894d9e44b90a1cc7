/**
 * Auto-configuration of the servlet filter that reads, validates and echoes the ID
 * headers of inbound requests, and the filter itself.
 */
@NullMarked
package dev.llmtracing.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
