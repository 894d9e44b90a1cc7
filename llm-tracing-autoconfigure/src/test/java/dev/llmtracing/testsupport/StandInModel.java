package dev.llmtracing.testsupport;

import java.time.Duration;

import dev.llmtracing.standin.StandInModelServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JUnit extension that runs the stand-in model server on a free port for a test class
 * and forgets its requests before each test. Register it in a static field with
 * {@code @RegisterExtension}.
 *
 * @author llm-tracing
 */
public final class StandInModel implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

	private final Duration latency;

	private StandInModelServer server;

	/**
	 * Create an extension for a server that answers without delay.
	 */
	public StandInModel() {
		this(Duration.ZERO);
	}

	/**
	 * Create an extension for a server that waits the given time between chunks.
	 * @param latency the delay between chunks
	 */
	public StandInModel(Duration latency) {
		this.latency = latency;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = StandInModelServer.start(0, this.latency);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server.reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.close();
	}

	/**
	 * Return the running server.
	 * @return the server
	 */
	public StandInModelServer server() {
		return this.server;
	}

	/**
	 * Assert that the server received requests, none of them with the given header.
	 * @param name the header name, compared ignoring case
	 */
	public void assertNoRequestHadHeader(String name) {
		assertThat(this.server.getRequestHeaders()).isNotEmpty()
			.allSatisfy((headers) -> assertThat(headers.keySet()).noneMatch(name::equalsIgnoreCase));
	}

}
