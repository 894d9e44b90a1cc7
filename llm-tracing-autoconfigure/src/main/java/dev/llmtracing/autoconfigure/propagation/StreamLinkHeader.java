package dev.llmtracing.autoconfigure.propagation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * The request header that carries a stream's link marker from the prompt to the HTTP
 * client. Its value is a random token that names one model call; it is never sent to the
 * model provider.
 *
 * @author llm-tracing
 */
final class StreamLinkHeader {

	/**
	 * The header name.
	 */
	public static final String NAME = "X-Llm-Tracing-Stream-Link";

	private StreamLinkHeader() {
	}

	/**
	 * Return the marker carried by the given options, if they are OpenAI options with the
	 * header among their custom headers.
	 * @param options the prompt options, may be {@code null}
	 * @return the marker or {@code null}
	 */
	public static @Nullable String markerOf(@Nullable ChatOptions options) {
		if (options instanceof OpenAiChatOptions openAiOptions) {
			Map<String, String> headers = openAiOptions.getCustomHeaders();
			return (headers != null) ? headers.get(NAME) : null;
		}
		return null;
	}

}
