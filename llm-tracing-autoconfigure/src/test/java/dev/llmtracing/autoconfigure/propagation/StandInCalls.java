package dev.llmtracing.autoconfigure.propagation;

import dev.llmtracing.standin.StandInModelServer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat completion requests to the stand-in model server, and checks on what it received.
 *
 * @author llm-tracing
 */
final class StandInCalls {

	private StandInCalls() {
	}

	static Request.Builder chatCompletion(StandInModelServer server) {
		return new Request.Builder().url(server.getBaseUrl() + "/chat/completions")
			.header("X-Other", "kept")
			.post(RequestBody.create("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
					MediaType.get("application/json")));
	}

	static void assertLinkHeaderNotReceived(StandInModelServer server) {
		assertThat(server.getRequestHeaders()).isNotEmpty()
			.allSatisfy((headers) -> assertThat(headers.keySet())
				.noneMatch((name) -> name.equalsIgnoreCase(StreamLinkHeader.NAME))
				.anyMatch((name) -> name.equalsIgnoreCase("X-Other")));
	}

}
