package dev.llmtracing.it;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.apache.coyote.AbstractProtocol;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring AI web application with one endpoint per kind of model use, for the load test:
 * a call, a stream, and a tool-calling loop as a call and as a stream.
 *
 * @author llm-tracing
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class LoadTestApplication {

	/**
	 * How many requests arrived on a thread whose MDC was not empty, before any filter of
	 * llm-tracing ran: a thread of the pool that kept the IDs of an earlier request.
	 */
	static final AtomicInteger staleMdcOnArrival = new AtomicInteger();

	@Bean
	FilterRegistrationBean<Filter> mdcProbeFilter() {
		Filter probe = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
			Map<String, String> mdc = MDC.getCopyOfContextMap();
			if (mdc != null && !mdc.isEmpty()) {
				staleMdcOnArrival.incrementAndGet();
			}
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(probe);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Stop Tomcat's async-timeout scanner once the server runs. Its stale timeout events
	 * can take the processor of a running async request off its connection, and the
	 * request then never ends ({@link TomcatStaleAsyncTimeoutIT} shows that Tomcat race
	 * with llm-tracing off). The load test times out no request, so without the scanner
	 * it tests llm-tracing under load rather than that race.
	 * @return the listener that stops the scanner
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> tomcatAsyncTimeoutScannerStopper() {
		return (event) -> {
			AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) event.getWebServer()).getTomcat()
				.getConnector()
				.getProtocolHandler();
			try {
				Method stop = AbstractProtocol.class.getDeclaredMethod("stopAsyncTimeout");
				stop.setAccessible(true);
				stop.invoke(protocol);
				Field future = AbstractProtocol.class.getDeclaredField("timeoutFuture");
				future.setAccessible(true);
				if (future.get(protocol) != null) {
					throw new IllegalStateException("Tomcat's async-timeout scanner still runs");
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot stop Tomcat's async-timeout scanner", ex);
			}
		};
	}

	@Bean
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.build();
	}

	@RestController
	static class Endpoints {

		private final ChatClient chatClient;

		Endpoints(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@PostMapping(path = "/call", consumes = MediaType.ALL_VALUE)
		String call(@RequestBody String message) {
			return this.chatClient.prompt().user(message).call().content();
		}

		@PostMapping(path = "/stream", consumes = MediaType.ALL_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> stream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).stream().content();
		}

		@PostMapping(path = "/tools", consumes = MediaType.ALL_VALUE)
		String tools(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new Clock()).call().content();
		}

		@PostMapping(path = "/tools-stream", consumes = MediaType.ALL_VALUE,
				produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> toolsStream(@RequestBody String message) {
			return this.chatClient.prompt().user(message).tools(new Clock()).stream().content();
		}

	}

	static class Clock {

		@Tool(description = "The time in a city")
		String timeIn(String city) {
			return "12:00 in " + city;
		}

	}

}
