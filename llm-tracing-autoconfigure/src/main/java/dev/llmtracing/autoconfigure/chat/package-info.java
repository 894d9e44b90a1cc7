/**
 * Auto-configuration of the capture of chat model calls and their cost.
 */
@NullMarked
package dev.llmtracing.autoconfigure.chat;

import org.jspecify.annotations.NullMarked;
