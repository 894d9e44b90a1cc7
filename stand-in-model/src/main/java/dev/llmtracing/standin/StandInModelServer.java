package dev.llmtracing.standin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OpenAI-compatible server ({@code POST /v1/chat/completions}, JSON and
 * server-sent events) that answers without any model, so that the real Spring AI OpenAI
 * client can be exercised offline over real HTTP. What it answers is described by
 * {@link StandInReply}; directives in the last user message trigger delays, errors,
 * truncation and the faults of a real provider: error statuses with {@code Retry-After},
 * malformed bodies, connections cut in the middle of a body, error events in a stream and
 * slow streams.
 *
 * @author llm-tracing
 */
public final class StandInModelServer implements AutoCloseable {

	/**
	 * The streamed chunk that a fault replaces: the one after the first word.
	 */
	private static final int FAULTY_CHUNK = 2;

	/**
	 * How many of the latest requests' headers and replies are kept, so that a long run
	 * (a soak test, the sample app) does not grow the heap.
	 */
	static final int KEPT = 1000;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final Duration latency;

	private final AtomicInteger requestCount = new AtomicInteger();

	private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();

	private final List<StandInReply> replies = new CopyOnWriteArrayList<>();

	private final EmbeddingsHandler embeddings;

	private StandInModelServer(HttpServer server, ExecutorService executor, Duration latency) {
		this.server = server;
		this.executor = executor;
		this.latency = latency;
		this.embeddings = new EmbeddingsHandler(latency.dividedBy(10));
	}

	/**
	 * Start a server on the loopback address. Besides chat completions it answers
	 * {@code POST /v1/embeddings} with deterministic vectors (see
	 * {@link #getEmbeddingRequestCount()}).
	 * @param port the port, or 0 for a free one
	 * @param latency how long to wait before answering, and between streamed chunks a
	 * tenth of it
	 * @return the started server
	 * @throws IOException if the port cannot be bound
	 */
	public static StandInModelServer start(int port, Duration latency) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "stand-in-model");
			thread.setDaemon(true);
			return thread;
		});
		StandInModelServer standIn = new StandInModelServer(server, executor, latency);
		server.createContext("/v1/chat/completions", standIn::handle);
		server.createContext("/v1/embeddings", standIn.embeddings);
		server.setExecutor(executor);
		server.start();
		return standIn;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int getPort() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the base URL to give an OpenAI client, ending in {@code /v1}.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return "http://127.0.0.1:" + getPort() + "/v1";
	}

	/**
	 * Return how many chat completion requests the server received.
	 * @return the number of requests
	 */
	public int getRequestCount() {
		return this.requestCount.get();
	}

	/**
	 * Return the headers of each request received, in order: the latest {@value #KEPT}.
	 * @return the request headers
	 */
	public List<Map<String, List<String>>> getRequestHeaders() {
		return List.copyOf(this.requestHeaders);
	}

	/**
	 * Return the replies the server gave (or was asked to fail), in order: the latest
	 * {@value #KEPT}.
	 * @return the replies
	 */
	public List<StandInReply> getReplies() {
		return List.copyOf(this.replies);
	}

	/**
	 * Return how many embedding requests the server received. Embeddings are a hashed bag
	 * of the words of each input, 64 dimensions unless the request asks for others,
	 * normalized; the directive {@code [embed-delay:300]} in an input waits 300 ms before
	 * answering; the wait is otherwise a tenth of the chat latency.
	 * @return the number of embedding requests
	 */
	public int getEmbeddingRequestCount() {
		return this.embeddings.getRequestCount();
	}

	/**
	 * Forget the requests and replies seen so far.
	 */
	public void reset() {
		this.requestCount.set(0);
		this.embeddings.reset();
		this.requestHeaders.clear();
		this.replies.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		boolean cut = false;
		try {
			answer(exchange);
		}
		catch (ConnectionCut ex) {
			cut = true;
			throw ex;
		}
		catch (RuntimeException ex) {
			send(exchange, 400, "application/json", error("bad request: " + ex.getClass().getSimpleName()));
		}
		finally {
			if (!cut) {
				exchange.close();
			}
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		if (!"POST".equals(exchange.getRequestMethod())) {
			send(exchange, 405, "application/json", error("method not allowed"));
			return;
		}
		this.requestCount.incrementAndGet();
		keep(this.requestHeaders, Map.copyOf(exchange.getRequestHeaders()));
		JsonNode request;
		try (InputStream body = exchange.getRequestBody()) {
			request = this.mapper.readTree(body);
		}
		StandInReply reply = StandInReply.of(request);
		Fault fault = Fault.of(request, this.latency.dividedBy(10));
		keep(this.replies, reply);
		pause(reply.delay().plus(this.latency));
		if (reply.errorStatus() > 0) {
			if (reply.errorStatus() == 429 || reply.errorStatus() == 503) {
				exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
			}
			send(exchange, reply.errorStatus(), "application/json",
					error("stand-in error " + reply.errorStatus() + " as requested"));
			return;
		}
		boolean usage = !StandInReply.omitsUsage(request);
		if (request.path("stream").asBoolean(false)) {
			stream(exchange, reply, fault,
					usage && request.path("stream_options").path("include_usage").asBoolean(false));
			return;
		}
		Map<String, Object> completion = reply.completion();
		if (!usage) {
			completion.remove("usage");
		}
		byte[] body = this.mapper.writeValueAsBytes(completion);
		if (fault.malformed()) {
			body = Arrays.copyOf(body, body.length / 2);
		}
		if (fault.cut()) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			cut(exchange.getResponseBody(), Arrays.copyOf(body, body.length / 2));
		}
		send(exchange, 200, "application/json", body);
	}

	private void stream(HttpExchange exchange, StandInReply reply, Fault fault, boolean includeUsage)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		List<Map<String, Object>> chunks = reply.chunks(includeUsage);
		for (int i = 0; i < chunks.size(); i++) {
			String data = this.mapper.writeValueAsString(chunks.get(i));
			if (i == FAULTY_CHUNK && fault.cut()) {
				cut(out, ("data: " + data.substring(0, data.length() / 2)).getBytes(StandardCharsets.UTF_8));
			}
			if (i == FAULTY_CHUNK && fault.streamError()) {
				event(out, new String(error("stand-in stream error as requested"), StandardCharsets.UTF_8));
				return;
			}
			event(out, (i == FAULTY_CHUNK && fault.malformed()) ? data.substring(0, data.length() / 2) : data);
			pause(fault.chunkDelay());
		}
		event(out, "[DONE]");
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/**
	 * Write part of a body, then leave the exchange unfinished: the server closes the
	 * connection of a handler that throws before its response is complete, so the client
	 * reads an unexpected end of the body.
	 */
	private static void cut(OutputStream out, byte[] part) throws IOException {
		out.write(part);
		out.flush();
		throw new ConnectionCut();
	}

	private static <T> void keep(List<T> list, T element) {
		list.add(element);
		if (list.size() > KEPT) {
			list.remove(0);
		}
	}

	private byte[] error(String message) {
		return error(this.mapper, message);
	}

	/**
	 * The body of an OpenAI-style error answer.
	 */
	static byte[] error(ObjectMapper mapper, String message) {
		return mapper.writeValueAsBytes(
				Map.of("error", Map.of("message", message, "type", "stand_in_error", "code", "stand_in")));
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	static void pause(Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Thrown by a handler to have the connection closed in the middle of a response.
	 */
	private static final class ConnectionCut extends IOException {

		ConnectionCut() {
			super("connection cut as requested");
		}

	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
