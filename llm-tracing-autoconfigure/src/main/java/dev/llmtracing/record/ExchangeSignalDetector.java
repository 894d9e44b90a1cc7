package dev.llmtracing.record;

import java.util.List;

/**
 * Names the quality signals of each exchange ({@code llm.quality.signals}), on the
 * dispatcher's thread, before any {@link ExchangeListener} sees the record.
 * Implementations must be thread-safe and cheap; an exception they throw is counted and
 * the record is written without signals.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@FunctionalInterface
public interface ExchangeSignalDetector {

	/**
	 * A detector that names no signal.
	 */
	ExchangeSignalDetector NONE = (record, output) -> List.of();

	/**
	 * Return the signals of an exchange.
	 * @param record the record of the exchange, without signals
	 * @param output what the model answered
	 * @return the signals, in a stable order, empty when there are none
	 */
	List<String> detect(ExchangeRecord record, ExchangeOutput output);

}
