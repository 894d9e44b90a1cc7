package dev.llmtracing.autoconfigure.feedback;

import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.feedback.LlmFeedback;
import dev.llmtracing.record.ExchangeDispatcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmTracingFeedbackAutoConfiguration}.
 *
 * @author llm-tracing
 */
class LlmTracingFeedbackAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(LlmTracingFeedbackAutoConfiguration.class,
			LlmTracingAutoConfiguration.class);

	@Test
	void shouldProvideTheApiTheIndexAndTheLoggerButNoEndpointByDefault() {
		new WebApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			assertThat(context).hasSingleBean(LlmFeedback.class)
				.hasSingleBean(RecentExchanges.class)
				.hasSingleBean(FeedbackRecordLogger.class)
				.doesNotHaveBean(FeedbackController.class)
				.doesNotHaveBean(FeedbackMetrics.class)
				.doesNotHaveBean(EvaluationSpans.class);
			assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.anyMatch((registration) -> registration.getFilter() instanceof ExchangeIdHeaderFilter);
		});
	}

	@Test
	void shouldFeedTheIndexFromTheDispatcher() {
		new ApplicationContextRunner().withConfiguration(this.configurations).run((context) -> {
			ExchangeDispatcher dispatcher = context.getBean(ExchangeDispatcher.class);
			dispatcher.publish(dev.llmtracing.record.TestRecords.complete());
			org.awaitility.Awaitility.await()
				.until(() -> context.getBean(RecentExchanges.class).findExchange("ex-1") != null);
		});
	}

	@Test
	void shouldServeTheEndpointWhenEnabled() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.feedback.endpoint.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(FeedbackController.class));
	}

	@Test
	void shouldAcceptFeedbackAndRejectAnUnknownFieldThroughTheEndpoint() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LlmTracingFeedbackAutoConfiguration.class, LlmTracingAutoConfiguration.class,
							DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
			.withPropertyValues("llm.tracing.feedback.endpoint.enabled=true")
			.run((context) -> {
				MockMvcTester mvc = MockMvcTester.from(context);
				assertThat(mvc.post()
					.uri("/llm-tracing/feedback")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"exchangeId\": \"ex-1\", \"name\": \"thumbs\", \"value\": 1}"))
					.hasStatus(HttpStatus.ACCEPTED);
				assertThat(mvc.post()
					.uri("/llm-tracing/feedback")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"exchangeId\": \"ex-1\", \"name\": \"thumbs\", \"stars\": 1}"))
					.hasStatus(HttpStatus.BAD_REQUEST)
					.bodyJson()
					.extractingPath("$.field")
					.isEqualTo("stars");
			});
	}

	@Test
	void shouldAddMetersAndEvaluationSpansWhenARegistryAndATracerExist() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withBean(SimpleMeterRegistry.class)
			.withBean(Tracer.class, () -> Tracer.NOOP)
			.run((context) -> assertThat(context).hasSingleBean(FeedbackMetrics.class)
				.hasSingleBean(EvaluationSpans.class));
	}

	@Test
	void shouldNotEchoTheExchangeIdWhenSwitchedOff() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.feedback.echo.enabled=false")
			.run((context) -> assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty());
	}

	@Test
	void shouldBackOffWhenSwitchedOff() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.feedback.enabled=false", "llm.tracing.feedback.endpoint.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(LlmFeedback.class)
				.doesNotHaveBean(RecentExchanges.class)
				.doesNotHaveBean(FeedbackController.class));
	}

	@Test
	void shouldRejectAnInvertedValueRange() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.feedback.min-value=5", "llm.tracing.feedback.max-value=1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"llm.tracing.feedback.max-value must be a finite number not smaller than min-value"));
	}

	@Test
	void shouldRejectAnUnsafeLabel() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.feedback.labels=up,so so")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.feedback.labels[1] must be 1 to 64 characters"));
	}

	@Test
	void shouldRejectATooSmallBodyLimit() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("llm.tracing.feedback.endpoint.max-body-size=100B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("llm.tracing.feedback.endpoint.max-body-size must be at least 1KB"));
	}

}
