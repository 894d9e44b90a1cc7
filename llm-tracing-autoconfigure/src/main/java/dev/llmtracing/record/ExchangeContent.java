package dev.llmtracing.record;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The prompt and completion content of an exchange, as captured under the content mode:
 * digests only, or the masked and truncated messages in the shape of the OpenTelemetry
 * GenAI {@code gen_ai.input.messages} and {@code gen_ai.output.messages}.
 *
 * @param mode the content mode that captured it, such as {@code digest} or {@code full}
 * @param digest the digests and lengths of the system prompt, the user messages and the
 * completion, or {@code null}
 * @param inputMessages the input messages as JSON-ready maps, or {@code null}
 * @param outputMessages the output messages as JSON-ready maps, or {@code null}
 * @param truncated whether any text was truncated or omitted to respect the size caps
 * @param encrypted the encrypted messages ({@code alg}, {@code kid}, {@code nonce},
 * {@code ciphertext}) in {@code encrypted} mode, or {@code null}
 * @param toolDefinitions the tools offered to the model ({@code type}, {@code name},
 * {@code description}, {@code parameters}), or {@code null}
 * @author llm-tracing
 * @since 0.1.0
 */
public record ExchangeContent(String mode, @Nullable Map<String, Object> digest,
		@Nullable List<Map<String, Object>> inputMessages, @Nullable List<Map<String, Object>> outputMessages,
		boolean truncated, @Nullable Map<String, Object> encrypted,
		@Nullable List<Map<String, Object>> toolDefinitions) {

}
