/**
 * The stage benchmark, in the package of the request tracker and handler it builds.
 */
@NullMarked
package dev.llmtracing.autoconfigure.request;

import org.jspecify.annotations.NullMarked;
