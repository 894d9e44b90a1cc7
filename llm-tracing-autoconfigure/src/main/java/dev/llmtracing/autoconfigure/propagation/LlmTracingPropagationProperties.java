package dev.llmtracing.autoconfigure.propagation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the propagation of the IDs to other threads, services and
 * spans.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@ConfigurationProperties("llm.tracing.propagation")
public class LlmTracingPropagationProperties {

	/**
	 * Whether to carry the IDs to other threads through Micrometer's context propagation
	 * (Reactor, @Async, Spring-managed executors).
	 */
	private boolean threads = true;

	/**
	 * Whether to send the ID headers on outgoing RestClient, RestTemplate and WebClient
	 * requests, and the ID metadata on outgoing gRPC calls, to allowed hosts.
	 */
	private boolean headers = true;

	/**
	 * Whether to carry the IDs as W3C baggage of the trace, and to read them from
	 * incoming baggage when a request has no ID header.
	 */
	private boolean baggage = true;

	/**
	 * Whether to keep the HTTP call of a ChatClient stream through Spring AI's OpenAI
	 * client in the caller's trace. A one-time marker header links the HTTP span to the
	 * model span; it is removed before the request is sent.
	 */
	private boolean streamSpans = true;

	/**
	 * Hosts that may receive the IDs (headers and baggage): names, '*.suffix' patterns or
	 * '*'. Requests to other hosts carry no ID.
	 */
	private List<String> allowedHosts = new ArrayList<>(
			List.of("localhost", "127.0.0.1", "::1", "*.svc.cluster.local"));

	public boolean isThreads() {
		return this.threads;
	}

	public void setThreads(boolean threads) {
		this.threads = threads;
	}

	public boolean isHeaders() {
		return this.headers;
	}

	public void setHeaders(boolean headers) {
		this.headers = headers;
	}

	public boolean isBaggage() {
		return this.baggage;
	}

	public void setBaggage(boolean baggage) {
		this.baggage = baggage;
	}

	public boolean isStreamSpans() {
		return this.streamSpans;
	}

	public void setStreamSpans(boolean streamSpans) {
		this.streamSpans = streamSpans;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

}
