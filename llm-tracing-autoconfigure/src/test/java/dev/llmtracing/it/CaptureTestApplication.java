package dev.llmtracing.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal Spring AI web application, as a user of the starter would write it, for the
 * end-to-end tests.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class CaptureTestApplication {

	/**
	 * What the MDC of each request thread held when the request arrived, before any
	 * filter of llm-tracing ran.
	 */
	static final List<Map<String, String>> mdcOnArrival = new CopyOnWriteArrayList<>();

	@Bean
	FilterRegistrationBean<Filter> mdcProbeFilter() {
		Filter probe = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			mdcOnArrival.add((mdc != null) ? mdc : Map.of());
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(probe);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@Primary
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.build();
	}

	@Bean
	ChatClient memoryClient(ChatClient.Builder builder, ChatMemory chatMemory) {
		return builder.defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build()).build();
	}

	@RestController
	static class ChatEndpoints {

		private final ChatClient chatClient;

		private final ChatClient memoryClient;

		private final ChatModel chatModel;

		ChatEndpoints(ChatClient chatClient, @Qualifier("memoryClient") ChatClient memoryClient, ChatModel chatModel) {
			this.chatClient = chatClient;
			this.memoryClient = memoryClient;
			this.chatModel = chatModel;
		}

		@PostMapping(path = "/call", consumes = MediaType.ALL_VALUE)
		String call(@RequestBody String message) {
			return this.chatClient.prompt().user(message).call().content();
		}

		@PostMapping(path = "/stream", consumes = MediaType.ALL_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestBody String message) {
			return this.memoryClient.prompt()
				.user(message)
				.advisors((advisor) -> advisor.param(ChatMemory.CONVERSATION_ID, "memory-1"))
				.stream()
				.content();
		}

		@PostMapping(path = "/held-stream", consumes = MediaType.ALL_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> heldStream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).advisors(new HoldingAdvisor()).stream().content();
		}

		@PostMapping(path = "/direct", consumes = MediaType.ALL_VALUE)
		String direct(@RequestBody String message) {
			return this.chatModel.call(new Prompt(message)).getResult().getOutput().getText();
		}

		@PostMapping(path = "/direct-stream", consumes = MediaType.ALL_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> directStream(@RequestBody String message) {
			return this.chatModel.stream(new Prompt(message))
				.mapNotNull((response) -> (response.getResult() != null) ? response.getResult().getOutput().getText()
						: null);
		}

		@PostMapping(path = "/tools", consumes = MediaType.ALL_VALUE)
		String tools(@RequestBody String message) throws IOException, ServletException {
			return this.chatClient.prompt().user(message).tools(new Clock()).call().content();
		}

		@PostMapping(path = "/tools-stream", consumes = MediaType.ALL_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> toolsStream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new Clock()).stream().content();
		}

	}

	/**
	 * An advisor that passes the answer on only once the model has sent all of it, and a
	 * while later, as a guardrail that checks the whole answer would: the model's
	 * observation stops before the first chunk reaches the advisors outside this one.
	 */
	static class HoldingAdvisor implements StreamAdvisor {

		static final Duration HOLD = Duration.ofMillis(200);

		@Override
		public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
			return chain.nextStream(request).collectList().delayElement(HOLD).flatMapIterable((chunks) -> chunks);
		}

		@Override
		public String getName() {
			return "holding";
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

	static class Clock {

		@Tool(description = "The time in a city")
		String timeIn(String city) {
			return "12:00 in " + city;
		}

	}

}
