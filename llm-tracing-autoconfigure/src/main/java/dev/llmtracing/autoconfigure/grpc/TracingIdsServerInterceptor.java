package dev.llmtracing.autoconfigure.grpc;

import dev.llmtracing.context.IdScope;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.InboundIds;
import dev.llmtracing.context.TracingIds;
import dev.llmtracing.context.TracingHeaders;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.springframework.core.Ordered;

/**
 * gRPC server interceptor that opens an {@link IdScope} for each call: it reads the
 * request, context and user ID metadata ({@code x-request-id}, {@code x-context-id},
 * {@code x-user-id} by default), validates them like the HTTP filters do (an invalid
 * request ID is replaced by a generated one, an invalid context or user ID is dropped,
 * each rejection counted with the source {@value #METADATA_SOURCE}), reads them from the
 * call's W3C {@code baggage} metadata when it has none of them, and echoes the request ID
 * in the response headers. The IDs are in the MDC during every callback of the call
 * (where unary and streaming handlers run) and while a message, the headers or the status
 * are sent, whichever thread sends them; the thread's previous MDC is restored
 * afterwards. Only ASCII keys are read: a binary ({@code -bin}) value never becomes an
 * ID.
 *
 * @author llm-tracing
 */
final class TracingIdsServerInterceptor implements ServerInterceptor, Ordered {

	/**
	 * The source reported with IDs rejected from gRPC metadata.
	 */
	public static final String METADATA_SOURCE = "metadata";

	/**
	 * The order among the global server interceptors: after Spring gRPC's observation
	 * interceptor (order 0), whose span carries the call's baggage, and before the
	 * interceptors without an order, which so see the IDs, among them the interceptor of
	 * request records ({@link Ordered#LOWEST_PRECEDENCE}).
	 */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	private final IdScopes idScopes;

	private final boolean echoRequestId;

	private final Metadata.Key<String> requestKey;

	private final Metadata.Key<String> contextKey;

	private final Metadata.Key<String> userKey;

	/**
	 * Create an interceptor.
	 * @param idScopes validates the IDs and opens their scope
	 * @param keys the names of the ID metadata keys and whether to echo the request ID
	 */
	TracingIdsServerInterceptor(IdScopes idScopes, TracingHeaders keys) {
		this.idScopes = idScopes;
		this.echoRequestId = keys.echoRequestId();
		this.requestKey = MetadataKeys.of(keys.requestId());
		this.contextKey = MetadataKeys.of(keys.contextId());
		this.userKey = MetadataKeys.of(keys.userId());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		TracingIds ids = new InboundIds(this.idScopes, new MetadataBaggage(headers)).resolve(
				headers.get(this.requestKey), headers.get(this.contextKey), headers.get(this.userKey), METADATA_SOURCE);
		ServerCall<Q, R> scopedCall = new ScopedCall<>(call, ids);
		ServerCall.Listener<Q> listener;
		try (IdScope scope = this.idScopes.restore(ids)) {
			listener = next.startCall(scopedCall, headers);
		}
		return new ScopedListener<>(listener, ids);
	}

	private final class ScopedCall<Q, R> extends SimpleForwardingServerCall<Q, R> {

		private final TracingIds ids;

		private boolean headersSent;

		ScopedCall(ServerCall<Q, R> delegate, TracingIds ids) {
			super(delegate);
			this.ids = ids;
		}

		@Override
		public void sendHeaders(Metadata headers) {
			this.headersSent = true;
			echo(headers);
			try (IdScope scope = TracingIdsServerInterceptor.this.idScopes.restore(this.ids)) {
				super.sendHeaders(headers);
			}
		}

		@Override
		public void sendMessage(R message) {
			try (IdScope scope = TracingIdsServerInterceptor.this.idScopes.restore(this.ids)) {
				super.sendMessage(message);
			}
		}

		@Override
		public void close(Status status, Metadata trailers) {
			if (!this.headersSent) {
				echo(trailers);
			}
			try (IdScope scope = TracingIdsServerInterceptor.this.idScopes.restore(this.ids)) {
				super.close(status, trailers);
			}
		}

		private void echo(Metadata metadata) {
			String requestId = this.ids.requestId();
			if (TracingIdsServerInterceptor.this.echoRequestId && requestId != null
					&& !metadata.containsKey(TracingIdsServerInterceptor.this.requestKey)) {
				metadata.put(TracingIdsServerInterceptor.this.requestKey, requestId);
			}
		}

	}

	private final class ScopedListener<Q> extends SimpleForwardingServerCallListener<Q> {

		private final TracingIds ids;

		ScopedListener(ServerCall.Listener<Q> delegate, TracingIds ids) {
			super(delegate);
			this.ids = ids;
		}

		private IdScope scope() {
			return TracingIdsServerInterceptor.this.idScopes.restore(this.ids);
		}

		@Override
		public void onMessage(Q message) {
			try (IdScope scope = scope()) {
				super.onMessage(message);
			}
		}

		@Override
		public void onHalfClose() {
			try (IdScope scope = scope()) {
				super.onHalfClose();
			}
		}

		@Override
		public void onCancel() {
			try (IdScope scope = scope()) {
				super.onCancel();
			}
		}

		@Override
		public void onComplete() {
			try (IdScope scope = scope()) {
				super.onComplete();
			}
		}

		@Override
		public void onReady() {
			try (IdScope scope = scope()) {
				super.onReady();
			}
		}

	}

}
