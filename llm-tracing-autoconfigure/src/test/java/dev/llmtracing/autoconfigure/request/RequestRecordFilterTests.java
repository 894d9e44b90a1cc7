package dev.llmtracing.autoconfigure.request;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.request.RequestListener;
import dev.llmtracing.request.RequestRecord;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.InstrumentedComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link RequestRecordFilter}: it writes one record per request, for async
 * requests when they complete, and never fails a request with a failure of its own: it
 * counts it instead.
 *
 * @author llm-tracing
 */
class RequestRecordFilterTests {

	private final InstrumentationFailures failures = new InstrumentationFailures();

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final ExchangeDispatcher dispatcher = new ExchangeDispatcher(List.of(), 10, Duration.ofSeconds(1),
			this.failures);

	private final List<RequestRecord> records = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeDispatcher() {
		this.dispatcher.close();
	}

	@Test
	void aBrokenTrackerNeverFailsTheRequestAndIsCounted() {
		RequestTracker broken = new RequestTracker(() -> {
			throw new IllegalStateException("no dispatcher");
		}, List.<RequestListener>of(), false, 10, this.failures);
		RequestRecordFilter filter = new RequestRecordFilter(broken, this.idScopes);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		try (IdScope scope = this.idScopes.open("req-1", null, null)) {
			assertThatNoException()
				.isThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/chat"), response, chain));
		}
		assertThat(chain.getRequest()).isNotNull();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(this.failures.count(InstrumentedComponent.REQUEST)).isEqualTo(1);
	}

	@Test
	void aWorkingTrackerCountsNoFailure() {
		RequestRecordFilter filter = filter();
		try (IdScope scope = this.idScopes.open("req-2", null, null)) {
			assertThatNoException().isThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/chat"),
					new MockHttpServletResponse(), new MockFilterChain()));
		}
		assertThat(this.failures.count(InstrumentedComponent.REQUEST)).isZero();
	}

	@Test
	void anAsyncRequestIsRecordedOnceWhenItCompletes() throws Exception {
		RequestRecordFilter filter = filter();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stream");
		request.setAsyncSupported(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {
		}, (servletRequest, servletResponse, next) -> servletRequest.startAsync(servletRequest, servletResponse));
		try (IdScope scope = this.idScopes.open("req-async", null, null)) {
			filter.doFilter(request, response, chain);
		}
		assertThat(request.isAsyncStarted()).isTrue();
		assertThat(this.records).isEmpty();
		Thread.sleep(50);
		((MockAsyncContext) request.getAsyncContext()).complete();
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.records.isEmpty());
		assertThat(this.records).singleElement().satisfies((record) -> {
			assertThat(record.ids().requestId()).isEqualTo("req-async");
			assertThat(record.httpStatus()).isEqualTo(200);
			// finished when the async context completed, not when the handler returned
			assertThat(record.durationMillis()).isGreaterThanOrEqualTo(50);
		});
		assertThat(((MockAsyncContext) request.getAsyncContext()).getListeners()).hasSize(1);
		assertThat(this.failures.count(InstrumentedComponent.REQUEST)).isZero();
	}

	@Test
	void anAsyncRequestCompletedBeforeTheHandlerReturnsIsRecordedOnce() throws Exception {
		RequestRecordFilter filter = filter();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/stream");
		request.setAsyncSupported(true);
		MockFilterChain chain = new MockFilterChain(new HttpServlet() {
		}, (servletRequest, servletResponse, next) -> ((HttpServletRequest) servletRequest).startAsync().complete());
		try (IdScope scope = this.idScopes.open("req-done", null, null)) {
			filter.doFilter(request, new MockHttpServletResponse(), chain);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.records.isEmpty());
		this.dispatcher.close();
		assertThat(this.records).singleElement()
			.satisfies((record) -> assertThat(record.ids().requestId()).isEqualTo("req-done"));
	}

	private RequestRecordFilter filter() {
		RequestTracker tracker = new RequestTracker(() -> this.dispatcher, List.of(this.records::add), false, 10,
				this.failures);
		return new RequestRecordFilter(tracker, this.idScopes);
	}

}
