/**
 * The exchange record and the listeners that write it, such as the JSON exchange log.
 * Extension point: {@link dev.llmtracing.record.ExchangeListener}; the record,
 * {@link dev.llmtracing.record.ExchangeRecord} and its parts, is supported API (see
 * {@code docs/extending.md}).
 */
@NullMarked
package dev.llmtracing.record;

import org.jspecify.annotations.NullMarked;
