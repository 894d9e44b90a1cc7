package dev.llmtracing.it;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.net.SocketEvent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Shows, with llm-tracing switched off, the Tomcat (11.0.22, Spring Boot 4.0.7) race that
 * made {@code LoadIT} hang about once in 40,000 requests: Tomcat's async-timeout thread
 * can send a {@code TIMEOUT} event for a processor that has meanwhile started a new async
 * cycle; {@code AbstractProtocol.ConnectionHandler.process} then takes the processor off
 * its connection and returns without putting it back (the "stale timeout" early return),
 * so the request's later {@code dispatch()} is handled by a fresh processor that waits
 * for a new request, and the response never ends. The test sends that stale event itself,
 * through Tomcat's own method, instead of waiting for the race. Should Tomcat fix it, the
 * first test fails, and {@code LoadIT} can run Tomcat's scanner again (see
 * docs/operations.md). The second test, the same request without the stale event, runs
 * after the first, beside the request the first left stuck.
 *
 * @author llm-tracing
 */
@SpringBootTest(classes = TomcatStaleAsyncTimeoutIT.DeferredApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "llm.tracing.enabled=false", "spring.mvc.async.request-timeout=120s",
				"server.shutdown=immediate", "spring.ai.openai.api-key=unused" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TomcatStaleAsyncTimeoutIT {

	static final AtomicReference<DeferredResult<String>> pending = new AtomicReference<>();

	@LocalServerPort
	private int port;

	@Autowired
	private WebServerApplicationContext context;

	@Test
	@Order(1)
	void aStaleAsyncTimeoutEventLosesTheDispatchOfTheNextAsyncCycle() throws Exception {
		Set<Object> before = Set.copyOf(waitingProcessors());
		try (Socket socket = startAsyncRequest()) {
			sendStaleTimeout(waitingProcessor(before));
			Thread.sleep(500);
			pending.get().setResult("done");
			socket.setSoTimeout(3000);
			assertThatExceptionOfType(SocketTimeoutException.class).as("the response never ends")
				.isThrownBy(() -> readResponse(socket.getInputStream()));
		}
	}

	@Test
	@Order(2)
	void withoutTheStaleEventTheSameRequestEnds() throws Exception {
		Set<Object> before = Set.copyOf(waitingProcessors());
		try (Socket socket = startAsyncRequest()) {
			waitingProcessor(before);
			Thread.sleep(500);
			pending.get().setResult("done");
			socket.setSoTimeout(3000);
			assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("done");
		}
	}

	private Socket startAsyncRequest() throws IOException {
		pending.set(null);
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
		socket.getOutputStream()
			.write(("GET /deferred HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
		socket.getOutputStream().flush();
		await().atMost(Duration.ofSeconds(10)).until(() -> pending.get() != null);
		return socket;
	}

	/**
	 * Return the processor of the async request once its first dispatch is over and it
	 * waits in Tomcat's set of waiting processors, as the async-timeout thread sees it. A
	 * processor that an earlier test left stuck stays in that set, so the new one is the
	 * one that was not there before.
	 */
	private AbstractProcessor waitingProcessor(Set<Object> before) {
		AtomicReference<Object> found = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (Object processor : waitingProcessors()) {
				if (!before.contains(processor)) {
					found.set(processor);
					return true;
				}
			}
			return false;
		});
		return (AbstractProcessor) found.get();
	}

	@SuppressWarnings("unchecked")
	private Set<Object> waitingProcessors() throws ReflectiveOperationException {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		AbstractProtocol<?> protocol = (AbstractProtocol<?>) connector.getProtocolHandler();
		Field field = AbstractProtocol.class.getDeclaredField("waitingProcessors");
		field.setAccessible(true);
		return (Set<Object>) field.get(protocol);
	}

	/**
	 * Send the event the race produces: a timeout whose generation is not the processor's
	 * current async generation (the processor never timed out, so its timeout generation
	 * is 0, and this async cycle is its first).
	 */
	private static void sendStaleTimeout(AbstractProcessor processor) throws Exception {
		assertThat(processor.checkAsyncTimeoutGeneration()).as("the event is stale").isFalse();
		Method method = AbstractProcessor.class.getDeclaredMethod("processSocketEvent", SocketEvent.class,
				boolean.class);
		method.setAccessible(true);
		method.invoke(processor, SocketEvent.TIMEOUT, true);
	}

	private static String readResponse(InputStream in) throws IOException {
		StringBuilder response = new StringBuilder();
		byte[] buffer = new byte[1024];
		while (!response.toString().endsWith("\r\n0\r\n\r\n") && !response.toString().endsWith("done")) {
			int read = in.read(buffer);
			if (read < 0) {
				break;
			}
			response.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
		}
		String text = response.toString().replace("\r\n0\r\n\r\n", "");
		return text.endsWith("\r\n") ? text.strip() : text;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DeferredApplication {

		@RestController
		static class DeferredEndpoint {

			@GetMapping("/deferred")
			DeferredResult<String> deferred() {
				DeferredResult<String> result = new DeferredResult<>();
				pending.set(result);
				return result;
			}

		}

	}

}
