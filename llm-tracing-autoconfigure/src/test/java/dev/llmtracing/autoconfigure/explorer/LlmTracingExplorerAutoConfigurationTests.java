package dev.llmtracing.autoconfigure.explorer;

import java.util.List;
import java.util.Map;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.record.Outcome;
import dev.llmtracing.record.RecordSchema;
import dev.llmtracing.request.RequestListener;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.actuate.web.WebMvcEndpointManagementContextConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingExplorerAutoConfiguration}: the ring, the
 * {@code llmrequests} endpoint's JSON over HTTP, and the page.
 *
 * @author llm-tracing
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmTracingExplorerAutoConfigurationTests {

	private static final String EXCHANGE_ID = "0b7c3c1e-2f7a-4b8e-9a39-1c2d3e4f5a6b";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmTracingExplorerAutoConfiguration.class,
				LlmTracingAutoConfiguration.class, JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, EndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
				ServletManagementContextAutoConfiguration.class, WebMvcEndpointManagementContextConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmrequests");

	@Test
	void shouldBeOffByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(RecentRequests.class).doesNotHaveBean(LlmRequestsEndpoint.class);
			assertThat(mvc(context).get().uri("/llm-tracing/explorer/")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc(context).get().uri("/llm-tracing/explorer/explorer.js")).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc(context).get().uri("/actuator/llmrequests")).hasStatus(HttpStatus.NOT_FOUND);
		});
	}

	@Test
	void shouldRegisterTheRingAsListenerOfTheDispatcher() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LlmTracingExplorerAutoConfiguration.class, LlmTracingAutoConfiguration.class))
			.withPropertyValues("llm.tracing.explorer.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(RecentRequests.class);
				RecentRequests ring = context.getBean(RecentRequests.class);
				assertThat(context.getBeanProvider(RequestListener.class).orderedStream()).contains(ring);
				assertThat(context.getBeanProvider(FeedbackListener.class).orderedStream()).contains(ring);
				ring.onRequest(ExplorerRecords.request("req-1", "ctx-1", 0, Outcome.SUCCESS, "ex-1"));
				context.getBean(ExchangeDispatcher.class)
					.publish(ExplorerRecords.exchange("ex-1", "req-1", "gpt-a", "hi"));
				Awaitility.await()
					.untilAsserted(() -> assertThat(ring.find((request) -> true, 10)).singleElement()
						.satisfies((request) -> assertThat((List<?>) request.get("exchanges")).hasSize(1)));
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldAnswerQueriesWithRecordsInTheShapesOfTheSchemas() {
		this.runner
			.withPropertyValues("llm.tracing.explorer.enabled=true",
					"llm.tracing.explorer.trace-url-template=http://localhost:9411/zipkin/traces/{traceId}")
			.run((context) -> {
				RecentRequests ring = context.getBean(RecentRequests.class);
				ring.onExchange(ExplorerRecords.exchange(EXCHANGE_ID, "req-1", "gpt-a", "hi"));
				ring.onRequest(ExplorerRecords.request("req-1", "ctx-1", 0, Outcome.SUCCESS, EXCHANGE_ID));
				ring.onRequest(ExplorerRecords.request("req-2", "ctx-2", 5, Outcome.ERROR));
				MvcTestResult result = mvc(context).get().uri("/actuator/llmrequests?contextId=ctx-1").exchange();
				assertThat(result).hasStatusOk();
				Map<String, Object> body = mapper.readValue(result.getResponse().getContentAsString(), Map.class);
				assertThat(body).containsEntry("traceUrlTemplate", "http://localhost:9411/zipkin/traces/{traceId}");
				List<Map<String, Object>> requests = (List<Map<String, Object>>) body.get("requests");
				assertThat(requests).singleElement().satisfies((request) -> {
					Map<String, Object> fields = (Map<String, Object>) request.get("request");
					assertThat(fields).containsEntry("requestId", "req-1").containsEntry("contextId", "ctx-1");
					RecordSchema.assertValidRequest(fields);
					List<Map<String, Object>> exchanges = (List<Map<String, Object>>) request.get("exchanges");
					assertThat(exchanges).singleElement().satisfies(RecordSchema::assertValid);
				});
				assertThat((Map<String, Object>) body.get("ring")).containsEntry("requests", 2)
					.containsEntry("maxRequests", 500);
				MvcTestResult all = mvc(context).get().uri("/actuator/llmrequests").exchange();
				assertThat(
						((List<?>) mapper.readValue(all.getResponse().getContentAsString(), Map.class).get("requests")))
					.hasSize(2);
				MvcTestResult newest = mvc(context).get().uri("/actuator/llmrequests?limit=1").exchange();
				assertThat(newest).bodyJson()
					.extractingPath("$.requests[*].request.requestId")
					.isEqualTo(List.of("req-2"));
				assertThat(mvc(context).get().uri("/actuator/llmrequests?from=yesterday"))
					.hasStatus(HttpStatus.BAD_REQUEST);
				assertThat(mvc(context).post().uri("/actuator/llmrequests")).hasStatus4xxClientError();
			});
	}

	@Test
	void shouldServeThePageWithAStrictContentSecurityPolicy() {
		this.runner.withPropertyValues("llm.tracing.explorer.enabled=true").run((context) -> {
			MvcTestResult page = mvc(context).get().uri("/llm-tracing/explorer/").exchange();
			assertThat(page).hasStatusOk()
				.hasContentTypeCompatibleWith("text/html")
				.hasHeader("Content-Security-Policy", ExplorerPage.CONTENT_SECURITY_POLICY)
				.hasHeader("X-Content-Type-Options", "nosniff");
			assertThat(page.getResponse().getContentAsString()).contains("<script type=\"module\" src=\"explorer.js\">")
				.doesNotContain("<script>")
				.doesNotContain("style=")
				.doesNotContain("http");
			assertThat(mvc(context).get().uri("/llm-tracing/explorer")).hasStatus(HttpStatus.FOUND);
			assertThat(mvc(context).get().uri("/llm-tracing/explorer/explorer.js")).hasStatusOk()
				.hasContentTypeCompatibleWith("text/javascript");
			assertThat(mvc(context).get().uri("/llm-tracing/explorer/config.json")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.endpoint")
				.isEqualTo("actuator/llmrequests");
			assertThat(mvc(context).get().uri("/llm-tracing/explorer/../application.properties"))
				.hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc(context).get().uri("/llm-tracing/explorer/LlmTracingExplorerAutoConfiguration.class"))
				.hasStatus(HttpStatus.NOT_FOUND);
		});
	}

	@Test
	void shouldTellThePageTheConfiguredEndpointPath() {
		this.runner
			.withPropertyValues("llm.tracing.explorer.enabled=true", "management.endpoints.web.base-path=/manage/")
			.run((context) -> assertThat(mvc(context).get().uri("/llm-tracing/explorer/config.json")).bodyJson()
				.extractingPath("$.endpoint")
				.isEqualTo("manage/llmrequests"));
	}

	@Test
	void shouldWarnThatRequestsAreShownWhenEnabled(CapturedOutput output) {
		this.runner.withPropertyValues("llm.tracing.explorer.enabled=true")
			.run((context) -> assertThat(output).contains("llm.tracing.explorer.enabled=true: recent requests",
					"restrict both to trusted users"));
	}

	@Test
	void shouldRejectATraceUrlTemplateWithoutTraceId() {
		this.runner
			.withPropertyValues("llm.tracing.explorer.enabled=true",
					"llm.tracing.explorer.trace-url-template=http://localhost:9411/zipkin/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("trace-url-template must contain {traceId}"));
	}

	private static MockMvcTester mvc(AssertableWebApplicationContext context) {
		return MockMvcTester.from(context);
	}

}
