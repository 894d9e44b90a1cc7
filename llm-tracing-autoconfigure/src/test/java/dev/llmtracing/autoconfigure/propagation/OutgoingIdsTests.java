package dev.llmtracing.autoconfigure.propagation;

import java.net.URI;
import java.util.List;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.HostAllowlist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link OutgoingIds} and {@link HostAllowlist}.
 *
 * @author llm-tracing
 */
class OutgoingIdsTests {

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final OutgoingIds outgoing = new OutgoingIds(this.idScopes,
			new HostAllowlist(List.of("localhost", "*.svc.cluster.local", "::1")), "X-Request-Id", "X-Context-Id",
			"X-User-Id", true, true);

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void allowedHostGetsTheCurrentIds() {
		HttpHeaders headers = new HttpHeaders();
		try (IdScope scope = this.idScopes.open("req-1", "ctx-1", "user-1")) {
			this.outgoing.apply(URI.create("http://orders.shop.svc.cluster.local/api"), headers);
		}
		assertThat(headers.getFirst("X-Request-Id")).isEqualTo("req-1");
		assertThat(headers.getFirst("X-Context-Id")).isEqualTo("ctx-1");
		assertThat(headers.getFirst("X-User-Id")).isEqualTo("user-1");
	}

	@Test
	void allowedHostGetsTheCurrentIdsAsBaggageMembersAndFieldHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("baggage", "tenant=acme,contextId=ctx-1");
		try (IdScope scope = this.idScopes.open("req-1", "ctx-1", "user-1")) {
			this.outgoing.apply(URI.create("http://localhost:8080/x"), headers);
		}
		assertThat(headers.get("baggage")).containsExactly("tenant=acme,contextId=ctx-1,requestId=req-1,userId=user-1");
		assertThat(headers.get("requestId")).containsExactly("req-1");
		assertThat(headers.get("contextId")).containsExactly("ctx-1");
		assertThat(headers.get("userId")).containsExactly("user-1");
	}

	@Test
	void allowedHostGetsOnlyWhatIsSwitchedOn() {
		HostAllowlist localhost = new HostAllowlist(List.of("localhost"));
		OutgoingIds headersOnly = new OutgoingIds(this.idScopes, localhost, "X-Request-Id", "X-Context-Id", "X-User-Id",
				true, false);
		OutgoingIds baggageOnly = new OutgoingIds(this.idScopes, localhost, "X-Request-Id", "X-Context-Id", "X-User-Id",
				false, true);
		HttpHeaders headers = new HttpHeaders();
		HttpHeaders baggage = new HttpHeaders();
		try (IdScope scope = this.idScopes.open("req-1", null, null)) {
			headersOnly.apply(URI.create("http://localhost:8080/x"), headers);
			baggageOnly.apply(URI.create("http://localhost:8080/x"), baggage);
		}
		assertThat(headers.toSingleValueMap()).containsOnlyKeys("X-Request-Id");
		assertThat(baggage.toSingleValueMap()).containsOnly(entry("baggage", "requestId=req-1"),
				entry("requestId", "req-1"));
	}

	@Test
	void headersSetByTheCallerAreKept() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Request-Id", "chosen-by-caller");
		try (IdScope scope = this.idScopes.open("req-1", null, null)) {
			this.outgoing.apply(URI.create("http://localhost:8080/x"), headers);
		}
		assertThat(headers.get("X-Request-Id")).containsExactly("chosen-by-caller");
		assertThat(headers.containsHeader("X-Context-Id")).isFalse();
	}

	@Test
	void otherHostsGetNoIdHeaderAndNoIdBaggage() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-User-Id", "user-1");
		headers.add("baggage", "requestId=req-1,tenant=acme, userId=user-1");
		headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		try (IdScope scope = this.idScopes.open("req-1", "ctx-1", "user-1")) {
			this.outgoing.apply(URI.create("https://api.example.com/v1"), headers);
		}
		assertThat(headers.containsHeader("X-Request-Id")).isFalse();
		assertThat(headers.containsHeader("X-User-Id")).isFalse();
		assertThat(headers.get("baggage")).containsExactly("tenant=acme");
		assertThat(headers.containsHeader("traceparent")).isTrue();
	}

	@Test
	void otherHostsGetNoBaggageFieldHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("requestId", "req-1");
		headers.set("USERID", "user-1");
		headers.set("tenant", "acme");
		try (IdScope scope = this.idScopes.open("req-1", null, "user-1")) {
			this.outgoing.apply(URI.create("https://api.example.com/v1"), headers);
		}
		assertThat(headers.containsHeader("requestId")).isFalse();
		assertThat(headers.containsHeader("userId")).isFalse();
		assertThat(headers.getFirst("tenant")).isEqualTo("acme");
	}

	@Test
	void invalidIdInTheMdcIsNeverSent() {
		HttpHeaders headers = new HttpHeaders();
		try (IdScope scope = this.idScopes.open("req-1", null, null)) {
			MDC.put("userId", "evil\r\nInjected: line");
			MDC.put("contextId", "x".repeat(65));
			this.outgoing.apply(URI.create("http://localhost:8080/x"), headers);
		}
		assertThat(headers.getFirst("X-Request-Id")).isEqualTo("req-1");
		assertThat(headers.containsHeader("X-User-Id")).isFalse();
		assertThat(headers.containsHeader("X-Context-Id")).isFalse();
		assertThat(headers.get("baggage")).containsExactly("requestId=req-1");
		assertThat(headers.containsHeader("userId")).isFalse();
	}

	@Test
	void allowedHostGetsNoInvalidOrEmptyIdFromThePropagator() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("baggage", "requestId=req-1;propagation%3Dunlimited,userId=evil%0D%0Ax,CONTEXTID=,tenant=a%20b");
		headers.set("requestId", "req-1");
		headers.set("userId", "");
		headers.set("contextId", "bad value");
		this.outgoing.apply(URI.create("http://localhost:8080/x"), headers);
		assertThat(headers.get("baggage")).containsExactly("requestId=req-1;propagation%3Dunlimited,tenant=a%20b");
		assertThat(headers.get("requestId")).containsExactly("req-1");
		assertThat(headers.containsHeader("userId")).isFalse();
		assertThat(headers.containsHeader("contextId")).isFalse();
	}

	@Test
	void percentEncodedValidIdInBaggageIsKept() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("baggage", "userId=%61lice, requestId=%E2%9C%93, contextId=%zz, tenant");
		this.outgoing.apply(URI.create("http://localhost:8080/x"), headers);
		assertThat(headers.get("baggage")).containsExactly("userId=%61lice,tenant");
	}

	@Test
	void allowlistMatchesNamesSuffixesAndIpv6Literals() {
		HostAllowlist allowlist = new HostAllowlist(List.of("LocalHost", "*.internal", "::1"));
		assertThat(allowlist.allows("localhost")).isTrue();
		assertThat(allowlist.allows("billing.internal")).isTrue();
		assertThat(allowlist.allows("[::1]")).isTrue();
		assertThat(allowlist.allows("internal")).isFalse();
		assertThat(allowlist.allows("evil-internal")).isFalse();
		assertThat(allowlist.allows("api.openai.com")).isFalse();
		assertThat(allowlist.allows(null)).isFalse();
		assertThat(new HostAllowlist(List.of("*")).allows("anything.example")).isTrue();
	}

}
