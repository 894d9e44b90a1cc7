package dev.llmtracing.sample;

import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * A hop to a second service: the sample calls its own {@code /chat} endpoint with a
 * {@code RestClient} built from Spring Boot's builder, so the IDs travel as headers and
 * W3C baggage, and the trace continues across the call.
 *
 * @author llm-tracing
 */
@RestController
class HopController {

	private final RestClient client;

	private final Environment environment;

	HopController(RestClient.Builder builder, Environment environment) {
		this.client = builder.build();
		this.environment = environment;
	}

	/**
	 * Ask the downstream chat service.
	 * @param message the user's message
	 * @return the downstream answer
	 */
	@PostMapping(path = "/hop", consumes = MediaType.ALL_VALUE)
	String hop(@RequestBody String message) {
		String downstream = this.environment.getProperty("sample.downstream-url",
				"http://localhost:" + this.environment.getProperty("local.server.port", "8080"));
		return this.client.post()
			.uri(downstream + "/chat")
			.contentType(MediaType.TEXT_PLAIN)
			.body(message)
			.retrieve()
			.body(String.class);
	}

}
