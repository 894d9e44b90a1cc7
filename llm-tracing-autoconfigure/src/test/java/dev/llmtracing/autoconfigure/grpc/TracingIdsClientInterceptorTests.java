package dev.llmtracing.autoconfigure.grpc;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.llmtracing.context.IdRejectionListener;
import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.HostAllowlist;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.context.TracingHeaders;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracingIdsClientInterceptor}.
 *
 * @author llm-tracing
 */
class TracingIdsClientInterceptorTests {

	private static final TracingHeaders KEYS = new TracingHeaders("x-request-id", "x-context-id", "x-user-id", true);

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(64), IdRejectionListener.NONE);

	private final TracingIdsClientInterceptor interceptor = new TracingIdsClientInterceptor(this.idScopes,
			new HostAllowlist(List.of("localhost", "*.svc.cluster.local")), KEYS, new InstrumentationFailures(), true,
			true);

	@Test
	void shouldSendTheCurrentIdsToAnAllowedTarget() {
		Metadata sent = call("orders.svc.cluster.local:443", new Metadata());
		assertThat(sent.get(key("x-request-id"))).isEqualTo("req-1");
		assertThat(sent.get(key("x-user-id"))).isEqualTo("alice");
		assertThat(sent.containsKey(key("x-context-id"))).isFalse();
	}

	@Test
	void shouldSendTheCurrentIdsAsBaggageToAnAllowedTarget() {
		Metadata metadata = new Metadata();
		metadata.put(key("baggage"), "tenant=acme,requestId=req-1");
		Metadata sent = call("localhost:9090", metadata);
		assertThat(sent.getAll(key("baggage"))).containsExactly("tenant=acme,requestId=req-1", "userId=alice");
	}

	@Test
	void shouldSendOnlyWhatIsSwitchedOn() {
		TracingIdsClientInterceptor baggageOnly = new TracingIdsClientInterceptor(this.idScopes,
				new HostAllowlist(List.of("localhost")), KEYS, new InstrumentationFailures(), false, true);
		Metadata sent = call(baggageOnly, "localhost:9090", new Metadata());
		assertThat(sent.containsKey(key("x-request-id"))).isFalse();
		assertThat(sent.getAll(key("baggage"))).containsExactly("requestId=req-1,userId=alice");
		TracingIdsClientInterceptor metadataOnly = new TracingIdsClientInterceptor(this.idScopes,
				new HostAllowlist(List.of("localhost")), KEYS, new InstrumentationFailures(), true, false);
		sent = call(metadataOnly, "localhost:9090", new Metadata());
		assertThat(sent.get(key("x-request-id"))).isEqualTo("req-1");
		assertThat(sent.containsKey(key("baggage"))).isFalse();
	}

	@Test
	void shouldKeepIdsTheCallerSet() {
		Metadata own = new Metadata();
		own.put(key("x-request-id"), "callers-own");
		assertThat(call("localhost:9090", own).getAll(key("x-request-id"))).containsExactly("callers-own");
	}

	@Test
	void shouldSendNoIdsAndNoIdBaggageToOtherTargets() {
		Metadata metadata = new Metadata();
		metadata.put(key("x-request-id"), "req-set-before");
		metadata.put(key("baggage"), "requestId=req-1,tenant=acme;p=1,userId=alice");
		Metadata sent = call("api.example.com:443", metadata);
		assertThat(sent.containsKey(key("x-request-id"))).isFalse();
		assertThat(sent.containsKey(key("x-user-id"))).isFalse();
		assertThat(sent.getAll(key("baggage"))).containsExactly("tenant=acme;p=1");
	}

	@Test
	void shouldReadTheHostOfTheAuthority() {
		assertThat(TracingIdsClientInterceptor.host("localhost:9090")).isEqualTo("localhost");
		assertThat(TracingIdsClientInterceptor.host("[::1]:9090")).isEqualTo("[::1]");
		assertThat(TracingIdsClientInterceptor.host("user@orders.internal:1")).isEqualTo("orders.internal");
		assertThat(TracingIdsClientInterceptor.host("orders")).isEqualTo("orders");
		assertThat(TracingIdsClientInterceptor.host(null)).isNull();
	}

	private Metadata call(String authority, Metadata metadata) {
		return call(this.interceptor, authority, metadata);
	}

	private Metadata call(TracingIdsClientInterceptor interceptor, String authority, Metadata metadata) {
		RecordingChannel channel = new RecordingChannel(authority);
		try (IdScope scope = this.idScopes.open("req-1", null, "alice")) {
			interceptor.interceptCall(method(), CallOptions.DEFAULT, channel).start(new ClientCall.Listener<>() {
			}, metadata);
		}
		return channel.started.get();
	}

	private static Metadata.Key<String> key(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

	private static MethodDescriptor<String, String> method() {
		MethodDescriptor.Marshaller<String> marshaller = new MethodDescriptor.Marshaller<>() {

			@Override
			public java.io.InputStream stream(String value) {
				return new java.io.ByteArrayInputStream(value.getBytes());
			}

			@Override
			public String parse(java.io.InputStream stream) {
				return "";
			}

		};
		return MethodDescriptor.<String, String>newBuilder()
			.setType(MethodDescriptor.MethodType.UNARY)
			.setFullMethodName("test.Chat/Ask")
			.setRequestMarshaller(marshaller)
			.setResponseMarshaller(marshaller)
			.build();
	}

	/**
	 * A channel whose calls only remember the metadata they were started with.
	 */
	static final class RecordingChannel extends Channel {

		final AtomicReference<Metadata> started = new AtomicReference<>();

		private final String authority;

		RecordingChannel(String authority) {
			this.authority = authority;
		}

		@Override
		public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions callOptions) {
			return new ClientCall<>() {

				@Override
				public void start(Listener<R> listener, Metadata headers) {
					RecordingChannel.this.started.set(headers);
				}

				@Override
				public void request(int numMessages) {
				}

				@Override
				public void cancel(@Nullable String message, @Nullable Throwable cause) {
				}

				@Override
				public void halfClose() {
				}

				@Override
				public void sendMessage(Q message) {
				}

			};
		}

		@Override
		public String authority() {
			return this.authority;
		}

	}

}
