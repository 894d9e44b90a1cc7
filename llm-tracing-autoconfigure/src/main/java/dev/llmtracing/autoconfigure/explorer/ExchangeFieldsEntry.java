package dev.llmtracing.autoconfigure.explorer;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.llmtracing.record.ExchangeFields;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one exchange record as the explorer keeps them, with their model and
 * estimated size.
 *
 * @param fields the fields, as written to the exchange log
 * @param model the model that answered or was asked for, or {@code null}
 * @param bytes the estimated size of the fields
 * @author llm-tracing
 */
record ExchangeFieldsEntry(Map<String, Object> fields, @Nullable String model, long bytes) {

	ExchangeFieldsEntry(Map<String, Object> fields, @Nullable String model) {
		this(fields, model, JsonSizes.estimate(fields));
	}

	/**
	 * Return this exchange without the captured messages, marked as truncated: what is
	 * kept of an exchange too large for the ring. The content mode and digests stay.
	 * @return the exchange without its messages
	 */
	ExchangeFieldsEntry withoutMessages() {
		Map<String, Object> fields = new LinkedHashMap<>(this.fields);
		boolean removed = fields.remove(ExchangeFields.INPUT_MESSAGES) != null;
		removed |= fields.remove(ExchangeFields.OUTPUT_MESSAGES) != null;
		removed |= fields.remove(ExchangeFields.TOOL_DEFINITIONS) != null;
		removed |= fields.remove(ExchangeFields.CONTENT_ENCRYPTED) != null;
		if (!removed) {
			return this;
		}
		fields.put(ExchangeFields.CONTENT_TRUNCATED, true);
		return new ExchangeFieldsEntry(fields, this.model);
	}

}
