package dev.llmtracing.autoconfigure.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.context.IdsThreadLocalAccessor;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.Disposable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RequestRecordWebFilter}: one record per request when its response is
 * written, the caller's signal unchanged, and no failure of its own ever reaching the
 * request.
 *
 * @author llm-tracing
 */
class RequestRecordWebFilterTests {

	private static final TracingIds IDS = new TracingIds("req-1", "ctx-1", "user-1");

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(), 10, Duration.ofSeconds(1),
			this.failures);

	private final List<RequestRecord> records = new CopyOnWriteArrayList<>();

	private final RequestRecordWebFilter filter = new RequestRecordWebFilter(
			new RequestTracker(() -> this.dispatcher, List.of(this.records::add), false, 10, this.failures), 0);

	@AfterEach
	void closeDispatcher() {
		this.dispatcher.close();
	}

	@Test
	void aRequestIsRecordedWithItsIdsRouteAndStatusWhenItsResponseIsWritten() {
		MockServerWebExchange exchange = exchange("/chat/7");
		filter(exchange, (followed) -> {
			followed.getAttributes()
				.put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
						PathPatternParser.defaultInstance.parse("/chat/{id}"));
			followed.getResponse().setStatusCode(HttpStatus.CREATED);
			return write(followed.getResponse(), "answer");
		}).block();
		RequestRecord record = awaitRecord();
		assertThat(record.ids()).isEqualTo(IDS);
		assertThat(record.route()).isEqualTo("/chat/{id}");
		assertThat(record.httpStatus()).isEqualTo(201);
		assertThat(record.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(record.timeToFirstByteMillis()).as("not streamed").isNull();
		assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("answer");
	}

	@Test
	void aStreamedResponseHasItsTimeToFirstByte() {
		MockServerWebExchange exchange = exchange("/stream");
		filter(exchange, (followed) -> {
			followed.getResponse().getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
			return Mono.delay(Duration.ofMillis(30)).then(write(followed.getResponse(), "data:one\n\n"));
		}).block();
		RequestRecord record = awaitRecord();
		assertThat(record.timeToFirstByteMillis()).isNotNull().isGreaterThanOrEqualTo(30L);
	}

	@Test
	void anErrorReachesTheCallerUnchangedAndMakesAnErrorRecordWithStatus500() {
		IllegalStateException failure = new IllegalStateException("handler failed");
		assertThatThrownBy(() -> filter(exchange("/chat"), (followed) -> Mono.error(failure)).block())
			.isSameAs(failure);
		RequestRecord record = awaitRecord();
		assertThat(record.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(record.errorType()).isEqualTo(IllegalStateException.class.getName());
		assertThat(record.httpStatus()).isEqualTo(500);
	}

	@Test
	void aChainThatThrowsIsRecordedAndTheCallerGetsItsException() {
		IllegalStateException failure = new IllegalStateException("filter threw");
		assertThatThrownBy(() -> filter(exchange("/chat"), (followed) -> {
			throw failure;
		}).block()).isSameAs(failure);
		assertThat(awaitRecord().errorType()).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void aResponseStatusErrorKeepsItsStatus() {
		assertThatThrownBy(() -> filter(exchange("/missing"),
				(followed) -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.block()).isInstanceOf(ResponseStatusException.class);
		assertThat(awaitRecord().httpStatus()).isEqualTo(404);
	}

	@Test
	void aCancelledResponseIsRecordedAsCancelled() {
		Disposable subscription = filter(exchange("/stream"), (followed) -> Mono.never()).subscribe();
		assertThat(this.records).isEmpty();
		subscription.dispose();
		assertThat(awaitRecord().errorType()).isEqualTo("java.util.concurrent.CancellationException");
	}

	@Test
	void aRequestWithoutIdsIsNotFollowed() {
		this.filter.filter(exchange("/chat"), (followed) -> Mono.empty()).block();
		this.dispatcher.close();
		assertThat(this.records).isEmpty();
	}

	@Test
	void aBrokenTrackerNeverFailsTheRequestAndIsCounted() {
		RequestTracker broken = new RequestTracker(() -> {
			throw new IllegalStateException("no dispatcher");
		}, List.<RequestListener>of(), false, 10, this.failures);
		RequestRecordWebFilter filter = new RequestRecordWebFilter(broken, 0);
		MockServerWebExchange exchange = exchange("/chat");
		filter.filter(exchange, (followed) -> write(followed.getResponse(), "answer"))
			.contextWrite((context) -> context.put(IdsThreadLocalAccessor.KEY, IDS))
			.block();
		assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("answer");
		assertThat(this.failures.count(InstrumentedComponent.REQUEST)).isEqualTo(1);
	}

	private Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.filter.filter(exchange, chain)
			.contextWrite((context) -> context.put(IdsThreadLocalAccessor.KEY, IDS));
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.post(path));
	}

	private static Mono<Void> write(ServerHttpResponse response, String body) {
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Flux.just(buffer));
	}

	private RequestRecord awaitRecord() {
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.records.isEmpty());
		assertThat(this.records).hasSize(1);
		return this.records.get(0);
	}

}
