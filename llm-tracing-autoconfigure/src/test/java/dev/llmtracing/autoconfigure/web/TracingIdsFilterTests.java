package dev.llmtracing.autoconfigure.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.llmtracing.context.BaggageBridge;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingHeaders;
import dev.llmtracing.testsupport.RecordingBaggage;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link TracingIdsFilter}.
 *
 * @author llm-tracing
 */
class TracingIdsFilterTests {

	private final List<String> rejections = new ArrayList<>();

	private final TracingIdsFilter filter = new TracingIdsFilter(
			new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), (kind, source) -> this.rejections.add(kind.name())),
			TracingHeaders.DEFAULT);

	private final Map<String, String> seenInChain = new HashMap<>();

	private final FilterChain chain = (request, response) -> this.seenInChain.putAll(MDC.getCopyOfContextMap());

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void shouldPutHeaderIdsInMdcAndEchoRequestId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/chat");
		request.addHeader("X-Request-Id", "req-1");
		request.addHeader("X-Context-Id", "conv-9");
		request.addHeader("X-User-Id", "alice");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.chain);
		assertThat(this.seenInChain).containsEntry("requestId", "req-1")
			.containsEntry("contextId", "conv-9")
			.containsEntry("userId", "alice");
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("req-1");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldGenerateRequestIdWhenAbsent() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/"), response, this.chain);
		assertThat(response.getHeader("X-Request-Id")).hasSize(36).isEqualTo(this.seenInChain.get("requestId"));
		assertThat(this.seenInChain).doesNotContainKeys("contextId", "userId");
	}

	@Test
	void shouldReplaceInvalidRequestIdAndNeverEchoIt() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "evil\r\nSet-Cookie: x=1");
		request.addHeader("X-Context-Id", "<script>alert(1)</script>");
		request.addHeader("X-User-Id", "bob smith");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, this.chain);
		assertThat(response.getHeader("X-Request-Id")).hasSize(36).doesNotContain("evil");
		assertThat(this.seenInChain).doesNotContainKeys("contextId", "userId");
		assertThat(this.seenInChain.values()).noneMatch((value) -> value.contains("evil") || value.contains("script"));
		assertThat(this.rejections).containsExactly("REQUEST", "CONTEXT", "USER");
	}

	@Test
	void shouldRestoreThreadMdcAfterRequestEvenWhenChainFails() {
		MDC.put("requestId", "from-before");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "req-2");
		FilterChain failing = (req, res) -> {
			throw new IllegalStateException("boom");
		};
		assertThatIllegalStateException()
			.isThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), failing))
			.withMessage("boom");
		assertThat(MDC.get("requestId")).isEqualTo("from-before");
	}

	@Test
	void shouldReuseIdsOfFirstDispatchInAsyncDispatch() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		this.filter.doFilter(request, new MockHttpServletResponse(), this.chain);
		String first = this.seenInChain.get("requestId");
		this.seenInChain.clear();
		request.setDispatcherType(DispatcherType.ASYNC);
		request.removeAttribute(TracingIdsFilter.class.getName() + ".FILTERED");
		this.filter.doFilter(request, new MockHttpServletResponse(), this.chain);
		assertThat(this.seenInChain.get("requestId")).isEqualTo(first);
	}

	@Test
	void shouldNotEchoWhenDisabled() throws Exception {
		TracingIdsFilter quiet = new TracingIdsFilter(new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), (k, s) -> {
		}), new TracingHeaders("X-Request-Id", "X-Context-Id", "X-User-Id", false));
		MockHttpServletResponse response = new MockHttpServletResponse();
		quiet.doFilter(new MockHttpServletRequest("GET", "/"), response, this.chain);
		assertThat(response.getHeader("X-Request-Id")).isNull();
	}

	@Test
	void readsValidatedIdsFromBaggageWhenNoHeaderIsPresentAndWritesBaggage() throws Exception {
		RecordingBaggage baggage = new RecordingBaggage(
				Map.of("requestId", "from-baggage", "contextId", "bad value!", "userId", "u-7"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("baggage", "requestId=from-baggage,contextId=bad%20value!,userId=u-7");
		filterWith(baggage).doFilter(request, new MockHttpServletResponse(), this.chain);
		assertThat(this.seenInChain).containsEntry("requestId", "from-baggage")
			.containsEntry("userId", "u-7")
			.doesNotContainKey("contextId");
		assertThat(this.rejections).containsExactly("baggage");
		assertThat(baggage.written()).hasSize(1);
		assertThat(baggage.written().get(0).requestId()).isEqualTo("from-baggage");
	}

	@Test
	void readsValidatedIdsFromBaggageFieldHeadersBeforeBaggage() throws Exception {
		RecordingBaggage baggage = new RecordingBaggage(
				Map.of("requestId", "from-baggage", "contextId", "ctx-from-baggage"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("requestId", "from-field-header");
		request.addHeader("userId", "bad value!");
		filterWith(baggage).doFilter(request, new MockHttpServletResponse(), this.chain);
		assertThat(this.seenInChain).containsEntry("requestId", "from-field-header")
			.containsEntry("contextId", "ctx-from-baggage")
			.doesNotContainKey("userId");
		assertThat(this.rejections).containsExactly("baggage");
	}

	@Test
	void leavesTheTraceBaggageAloneWhenTheRequestCarriesNone() throws Exception {
		RecordingBaggage baggage = new RecordingBaggage(Map.of());
		TracingIdsFilter filter = filterWith(baggage);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "req-1");
		filter.doFilter(request, new MockHttpServletResponse(), this.chain);
		assertThat(baggage.touched()).isEmpty();
		request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Request-Id", "req-2");
		request.addHeader("baggage", "tenant=acme");
		filter.doFilter(request, new MockHttpServletResponse(), this.chain);
		assertThat(baggage.touched()).containsExactly("write");
	}

	private TracingIdsFilter filterWith(BaggageBridge baggage) {
		IdScopes scopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64),
				(kind, source) -> this.rejections.add(source));
		return new TracingIdsFilter(scopes, TracingHeaders.DEFAULT, baggage);
	}

}
