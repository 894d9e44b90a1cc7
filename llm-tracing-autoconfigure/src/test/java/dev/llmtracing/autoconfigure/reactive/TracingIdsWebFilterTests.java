package dev.llmtracing.autoconfigure.reactive;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.IdsThreadLocalAccessor;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.context.TracingHeaders;
import dev.llmtracing.testsupport.RecordingBaggage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracingIdsWebFilter}.
 *
 * @author llm-tracing
 */
class TracingIdsWebFilterTests {

	private final List<String> rejections = new CopyOnWriteArrayList<>();

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(32),
			(kind, source) -> this.rejections.add(kind + "/" + source));

	private final AtomicReference<TracingIds> seen = new AtomicReference<>();

	private final WebFilterChain chain = (exchange) -> Mono.deferContextual((context) -> {
		this.seen.set(context.get(IdsThreadLocalAccessor.KEY));
		return Mono.empty();
	});

	@Test
	void shouldPutValidHeaderIdsInTheReactorContextAndEchoTheRequestId() {
		MockServerWebExchange exchange = exchange(
				MockServerHttpRequest.get("/").header("X-Request-Id", "req-1").header("X-Context-Id", "ctx-1"));
		filter(BaggageBridge.NONE).filter(exchange, this.chain).block();
		assertThat(this.seen.get()).isEqualTo(new TracingIds("req-1", "ctx-1", null));
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo("req-1");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldReplaceInvalidRequestIdDropInvalidUserIdAndCountBoth() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/")
			.header("X-Request-Id", "bad id <script>")
			.header("X-User-Id", "u".repeat(33)));
		filter(BaggageBridge.NONE).filter(exchange, this.chain).block();
		TracingIds ids = this.seen.get();
		assertThat(ids.requestId()).isNotEqualTo("bad id <script>").matches("[A-Za-z0-9-]+");
		assertThat(ids.userId()).isNull();
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo(ids.requestId());
		assertThat(this.rejections).containsExactly("REQUEST/header", "USER/header");
	}

	@Test
	void shouldReadBaggageOnlyWhenThereIsNoIdHeader() {
		Map<String, String> baggage = Map.of("requestId", "from-baggage", "userId", "bad value");
		filter(new RecordingBaggage(baggage)).filter(exchange(MockServerHttpRequest.get("/")), this.chain).block();
		assertThat(this.seen.get()).isEqualTo(new TracingIds("from-baggage", null, null));
		assertThat(this.rejections).containsExactly("USER/baggage");
		filter(new RecordingBaggage(baggage))
			.filter(exchange(MockServerHttpRequest.get("/").header("X-Context-Id", "ctx-2")), this.chain)
			.block();
		assertThat(this.seen.get().contextId()).isEqualTo("ctx-2");
		assertThat(this.seen.get().requestId()).isNotEqualTo("from-baggage");
	}

	@Test
	void shouldReadBaggageFieldHeadersBeforeBaggage() {
		Map<String, String> baggage = Map.of("requestId", "from-baggage", "contextId", "ctx-from-baggage");
		filter(new RecordingBaggage(baggage))
			.filter(exchange(MockServerHttpRequest.get("/").header("requestId", "from-field-header")), this.chain)
			.block();
		assertThat(this.seen.get()).isEqualTo(new TracingIds("from-field-header", "ctx-from-baggage", null));
	}

	@Test
	void shouldNotEchoWhenSwitchedOffOrAlreadySet() {
		TracingIdsWebFilter quiet = new TracingIdsWebFilter(this.idScopes,
				new TracingHeaders("X-Request-Id", "X-Context-Id", "X-User-Id", false), BaggageBridge.NONE, 0);
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/").header("X-Request-Id", "req-3"));
		quiet.filter(exchange, this.chain).block();
		assertThat(exchange.getResponse().getHeaders().containsHeader("X-Request-Id")).isFalse();
		MockServerWebExchange preset = exchange(MockServerHttpRequest.get("/").header("X-Request-Id", "req-4"));
		preset.getResponse().getHeaders().set("X-Request-Id", "app-chosen");
		filter(BaggageBridge.NONE).filter(preset, this.chain).block();
		assertThat(preset.getResponse().getHeaders().get("X-Request-Id")).containsExactly("app-chosen");
	}

	@Test
	void shouldNotFailTheRequestWhenBaggageFails() {
		BaggageBridge failing = new RecordingBaggage(Map.of()) {

			@Override
			public @Nullable String read(String key) {
				throw new IllegalStateException("broken tracer");
			}

		};
		filter(failing).filter(exchange(MockServerHttpRequest.get("/")), this.chain).block();
		assertThat(this.seen.get().requestId()).isNotNull();
	}

	private TracingIdsWebFilter filter(BaggageBridge baggage) {
		return new TracingIdsWebFilter(this.idScopes, TracingHeaders.DEFAULT, baggage, 0);
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request);
	}

}
