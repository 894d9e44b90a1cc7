package dev.llmtracing.it;

import dev.llmtracing.testsupport.StandInModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that builds its own {@link OpenAiChatModel} (no customizers, no
 * observation registry) gets no stream link marker on its prompts, so the marker can
 * never reach the model server through a client that would not remove it, even with
 * tracing on and the starter's customizers on Boot's {@code ChatClient.Builder}.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = HandBuiltModelStreamIT.HandBuiltModelApplication.class,
		properties = { "management.tracing.sampling.probability=1.0", "spring.ai.openai.api-key=unused" })
class HandBuiltModelStreamIT {

	/**
	 * The marker header of the stream link (package-private in
	 * {@code dev.llmtracing.autoconfigure.propagation}), which must never leave the
	 * application.
	 */
	private static final String STREAM_LINK_HEADER = "X-Llm-Tracing-Stream-Link";

	@RegisterExtension
	static final StandInModel standIn = new StandInModel();

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@DynamicPropertySource
	static void modelProperties(DynamicPropertyRegistry registry) {
		registry.add("hand-built.base-url", () -> standIn.server().getBaseUrl());
	}

	@Test
	void streamOfAHandBuiltModelSendsNoLinkHeader() {
		String answer = this.chatClientBuilder.build()
			.prompt("Hello hand-built model")
			.stream()
			.content()
			.collectList()
			.map((chunks) -> String.join("", chunks))
			.block();
		assertThat(answer).contains("Stand-in");
		assertThat(standIn.server().getRequestHeaders()).hasSize(1);
		standIn.assertNoRequestHadHeader(STREAM_LINK_HEADER);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class HandBuiltModelApplication {

		@Bean
		OpenAiChatModel handBuiltChatModel(@Value("${hand-built.base-url}") String baseUrl) {
			return OpenAiChatModel.builder()
				.options(OpenAiChatOptions.builder()
					.baseUrl(baseUrl)
					.apiKey("test-key")
					.model("hand-built")
					.maxRetries(0)
					.build())
				.build();
		}

	}

}
