/**
 * Auto-configuration of the request explorer: a bounded ring of recent requests, the
 * {@code llmrequests} Actuator endpoint and the page that reads it.
 */
@NullMarked
package dev.llmtracing.autoconfigure.explorer;

import org.jspecify.annotations.NullMarked;
