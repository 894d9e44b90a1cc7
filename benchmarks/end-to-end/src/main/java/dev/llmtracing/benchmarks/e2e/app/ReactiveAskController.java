package dev.llmtracing.benchmarks.e2e.app;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The endpoints of the WebFlux runs, as a reactive application writes them: the blocking
 * {@code call()} on Reactor's bounded elastic scheduler, and the stream's chunks as
 * server-sent events. The application serves them in both modes; the benchmark loads them
 * only when it runs with {@code spring.main.web-application-type=reactive} (Netty).
 *
 * @author llm-tracing
 */
@RestController
class ReactiveAskController {

	private final ChatClient chatClient;

	ReactiveAskController(ChatClient.Builder chatClientBuilder) {
		this.chatClient = chatClientBuilder.build();
	}

	@GetMapping("/reactive/ask")
	Mono<String> ask(@RequestParam String q) {
		return Mono.fromCallable(() -> this.chatClient.prompt().user(q).call().content())
			.subscribeOn(Schedulers.boundedElastic());
	}

	@GetMapping(path = "/reactive/ask-stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> askStream(@RequestParam String q) {
		return this.chatClient.prompt().user(q).stream().content();
	}

}
