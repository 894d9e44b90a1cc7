package dev.llmtracing.it;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An application that hands work to other threads and services in the usual Spring ways,
 * for the propagation tests.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
class PropagationTestApplication {

	@Service
	static class AsyncWork {

		@Async
		CompletableFuture<String> requestIdLater() {
			return CompletableFuture.completedFuture(String.valueOf(MDC.get("requestId")));
		}

	}

	@RestController
	static class Endpoints {

		private final AsyncWork asyncWork;

		private final AsyncTaskExecutor executor;

		private final RestClient.Builder restClientBuilder;

		private final WebClient.Builder webClientBuilder;

		private final RestTemplateBuilder restTemplateBuilder;

		Endpoints(AsyncWork asyncWork, AsyncTaskExecutor executor, RestClient.Builder restClientBuilder,
				WebClient.Builder webClientBuilder, RestTemplateBuilder restTemplateBuilder) {
			this.asyncWork = asyncWork;
			this.executor = executor;
			this.restClientBuilder = restClientBuilder;
			this.webClientBuilder = webClientBuilder;
			this.restTemplateBuilder = restTemplateBuilder;
		}

		@GetMapping("/async")
		String async() throws Exception {
			return this.asyncWork.requestIdLater().get();
		}

		@GetMapping("/executor")
		String executor() throws Exception {
			Future<String> future = this.executor.submit(() -> String.valueOf(MDC.get("requestId")));
			return future.get();
		}

		@GetMapping("/reactor")
		String reactor() {
			return Mono.fromCallable(() -> String.valueOf(MDC.get("requestId")))
				.subscribeOn(Schedulers.boundedElastic())
				.block();
		}

		@GetMapping("/outgoing")
		String outgoing(@RequestParam String url) {
			this.restClientBuilder.build()
				.post()
				.uri(url)
				.body(Map.of("model", "m", "messages", java.util.List.of(Map.of("role", "user", "content", "hi"))))
				.retrieve()
				.toBodilessEntity();
			return "sent";
		}

		@GetMapping("/outgoing-webclient")
		String outgoingWebClient(@RequestParam String url) {
			this.webClientBuilder.build().post().uri(url).bodyValue(chatBody()).retrieve().toBodilessEntity().block();
			return "sent";
		}

		@GetMapping("/outgoing-resttemplate")
		String outgoingRestTemplate(@RequestParam String url) {
			this.restTemplateBuilder.build().postForEntity(url, chatBody(), String.class);
			return "sent";
		}

		private static Map<String, Object> chatBody() {
			return Map.of("model", "m", "messages", java.util.List.of(Map.of("role", "user", "content", "hi")));
		}

	}

}
