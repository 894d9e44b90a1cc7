/**
 * Auto-configuration of the servlet filter that reads the ID headers.
 */
@NullMarked
package dev.llmtracing.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
