package dev.llmtracing.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;

/**
 * A minimal reactive Spring AI application, as a WebFlux user of the starter would write
 * it: a blocking call moved off the event loop, and a token stream sent as server-sent
 * events.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReactiveTestApplication {

	static final String LOGGER_NAME = "reactive-test-app";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	/**
	 * What the MDC of the event-loop thread held when each request arrived, before any
	 * filter of llm-tracing ran.
	 */
	static final List<Map<String, String>> mdcOnArrival = new CopyOnWriteArrayList<>();

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebFilter mdcProbeFilter() {
		return (exchange, chain) -> {
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			mdcOnArrival.add((mdc != null) ? mdc : Map.of());
			return chain.filter(exchange);
		};
	}

	@RestController
	static class ChatEndpoints {

		private final ChatClient chatClient;

		ChatEndpoints(ChatClient.Builder builder) {
			this.chatClient = builder.build();
		}

		@PostMapping(path = "/call", consumes = MediaType.ALL_VALUE)
		Mono<String> call(@RequestBody String message) {
			logger.info("call {}", message);
			return Mono.fromCallable(() -> this.chatClient.prompt().user(message).call().content())
				.subscribeOn(Schedulers.boundedElastic())
				.doOnNext((answer) -> logger.info("answered {}", message));
		}

		@PostMapping(path = "/failing", consumes = MediaType.ALL_VALUE)
		Mono<String> failing(@RequestBody String message) {
			return Mono.fromCallable(() -> this.chatClient.prompt().user(message).call().content())
				.subscribeOn(Schedulers.boundedElastic())
				.map((answer) -> {
					throw new IllegalStateException("the answer cannot be used");
				});
		}

		@PostMapping(path = "/stream", consumes = MediaType.ALL_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestBody String message) {
			logger.info("stream {}", message);
			return this.chatClient.prompt()
				.user(message)
				.stream()
				.content()
				.doOnNext((token) -> logger.info("token {}", message))
				.doOnComplete(() -> logger.info("streamed {}", message));
		}

	}

}
