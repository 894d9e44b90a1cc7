/**
 * Servlet integration: reads, validates and echoes the ID headers of inbound requests.
 */
@NullMarked
package dev.llmtracing.web;

import org.jspecify.annotations.NullMarked;
