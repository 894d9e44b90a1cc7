package dev.llmtracing.autoconfigure.grpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.context.MdcKeys;
import dev.llmtracing.context.TracingHeaders;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracingIdsServerInterceptor}.
 *
 * @author llm-tracing
 */
class TracingIdsServerInterceptorTests {

	private static final TracingHeaders KEYS = new TracingHeaders("x-request-id", "x-context-id", "x-user-id", true);

	private final List<String> rejections = new CopyOnWriteArrayList<>();

	private final IdScopes idScopes = new IdScopes(MdcKeys.DEFAULT, new IdValidator(32),
			(kind, source) -> this.rejections.add(kind + "/" + source));

	private final TracingIdsServerInterceptor interceptor = new TracingIdsServerInterceptor(this.idScopes, KEYS);

	private final List<String> seen = new CopyOnWriteArrayList<>();

	/**
	 * The call as the service sees it, through the interceptor.
	 */
	private @Nullable ServerCall<String, String> serviceCall;

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void shouldHoldTheIdsInEveryCallbackAndSendWhateverThreadSends() throws Exception {
		RecordingCall call = new RecordingCall();
		ServerCall.Listener<String> listener = this.interceptor.interceptCall(call,
				metadata("x-request-id", "req-1", "x-user-id", "alice"), handler());
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
		listener.onMessage("hello");
		listener.onHalfClose();
		CompletableFuture.runAsync(() -> {
			this.serviceCall.sendHeaders(new Metadata());
			this.serviceCall.sendMessage("token");
			this.serviceCall.close(Status.OK, new Metadata());
		}).get();
		listener.onComplete();
		assertThat(this.seen).containsExactly("start:req-1/alice", "message:req-1/alice", "halfClose:req-1/alice",
				"send:req-1/alice", "close:req-1/alice", "complete:req-1/alice");
		assertThat(call.headers.get(key("x-request-id"))).isEqualTo("req-1");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void shouldReplaceAndDropInvalidValuesCountingThemAsMetadata() {
		RecordingCall call = new RecordingCall();
		this.interceptor.interceptCall(call, metadata("x-request-id", "bad id\t<x>", "x-context-id", "c".repeat(33)),
				handler());
		String requestId = this.seen.get(0).substring("start:".length(), this.seen.get(0).indexOf('/'));
		assertThat(new IdValidator(128).isValid(requestId)).isTrue();
		assertThat(this.rejections).containsExactly("REQUEST/metadata", "CONTEXT/metadata");
	}

	@Test
	void shouldEchoInTheTrailersWhenNoHeadersWereSent() {
		RecordingCall call = new RecordingCall();
		this.interceptor.interceptCall(call, metadata("x-request-id", "req-2"), handler());
		Metadata trailers = new Metadata();
		this.serviceCall.close(Status.INTERNAL, trailers);
		assertThat(trailers.get(key("x-request-id"))).isEqualTo("req-2");
	}

	@Test
	void shouldIgnoreBinaryKeysAndReadBaggageWhenThereIsNoIdKey() {
		Metadata metadata = metadata("baggage", "requestId=from-baggage");
		metadata.put(Metadata.Key.of("x-user-id-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] { 0, 10 });
		this.interceptor.interceptCall(new RecordingCall(), metadata, handler());
		assertThat(this.seen).containsExactly("start:from-baggage/null");
	}

	private ServerCallHandler<String, String> handler() {
		return (call, headers) -> {
			record("start");
			this.serviceCall = call;
			return new ServerCall.Listener<>() {

				@Override
				public void onMessage(String message) {
					record("message");
				}

				@Override
				public void onHalfClose() {
					record("halfClose");
				}

				@Override
				public void onComplete() {
					record("complete");
				}

			};
		};
	}

	private void record(String event) {
		Map<String, String> mdc = MDC.getCopyOfContextMap();
		mdc = (mdc != null) ? mdc : Map.of();
		this.seen.add(event + ":" + mdc.get("requestId") + "/" + mdc.get("userId"));
	}

	private static Metadata metadata(String... keysAndValues) {
		Metadata metadata = new Metadata();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			metadata.put(key(keysAndValues[i]), keysAndValues[i + 1]);
		}
		return metadata;
	}

	private static Metadata.Key<String> key(String name) {
		return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
	}

	/**
	 * A server call that records what is sent through the interceptor's wrapper.
	 */
	final class RecordingCall extends ServerCall<String, String> {

		final Metadata headers = new Metadata();

		@Override
		public void sendHeaders(Metadata headers) {
			this.headers.merge(headers);
		}

		@Override
		public void sendMessage(String message) {
			record("send");
		}

		@Override
		public void close(Status status, Metadata trailers) {
			record("close");
		}

		@Override
		public void request(int numMessages) {
		}

		@Override
		public boolean isCancelled() {
			return false;
		}

		@Override
		public Attributes getAttributes() {
			return Attributes.EMPTY;
		}

		@Override
		public MethodDescriptor<String, String> getMethodDescriptor() {
			throw new UnsupportedOperationException();
		}

	}

}
