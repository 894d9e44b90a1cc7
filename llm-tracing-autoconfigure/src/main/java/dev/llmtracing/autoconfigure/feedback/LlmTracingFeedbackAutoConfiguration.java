package dev.llmtracing.autoconfigure.feedback;

import java.util.LinkedHashSet;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.autoconfigure.web.LlmTracingWebProperties;
import dev.llmtracing.content.ContentCapture;
import dev.llmtracing.context.IdScopes;
import dev.llmtracing.context.IdValidator;
import dev.llmtracing.autoconfigure.LlmTracingProperties;
import dev.llmtracing.feedback.FeedbackListener;
import dev.llmtracing.feedback.LlmFeedback;
import dev.llmtracing.record.ExchangeDispatcher;
import dev.llmtracing.support.InstrumentationFailures;
import dev.llmtracing.support.PromptTagLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configuration of feedback: the {@link LlmFeedback} API, the index of recent
 * exchanges it links feedback to, the feedback record on its logger, the
 * {@code llm.feedback} meters, the evaluation span in the rated trace, the
 * {@code X-Exchange-Id} echo and, when enabled, the feedback endpoint.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.feedback.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LlmTracingFeedbackProperties.class)
public final class LlmTracingFeedbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RecentExchanges llmTracingRecentExchanges(LlmTracingFeedbackProperties feedback) {
		return new RecentExchanges(feedback.getIndexSize());
	}

	@Bean
	@ConditionalOnMissingBean
	FeedbackRecordLogger llmTracingFeedbackRecordLogger(LlmTracingFeedbackProperties feedback, IdScopes idScopes) {
		return new FeedbackRecordLogger(feedback.getLoggerName(), idScopes.getKeys());
	}

	@Bean
	@ConditionalOnMissingBean
	LlmFeedback llmFeedback(LlmTracingFeedbackProperties feedback, LlmTracingProperties tracing, IdScopes idScopes,
			RecentExchanges index, ExchangeDispatcher dispatcher, ObjectProvider<FeedbackListener> listeners,
			ObjectProvider<ContentCapture> content, InstrumentationFailures failures) {
		FeedbackRules rules = new FeedbackRules(new IdValidator(tracing.getIds().getMaxLength()),
				feedback.getMinValue(), feedback.getMaxValue(), new LinkedHashSet<>(feedback.getNames()),
				new LinkedHashSet<>(feedback.getLabels()));
		ContentCapture capture = content.getIfAvailable();
		int maxComment = feedback.getMaxCommentLength();
		return new LlmFeedback(rules::check, idScopes, index::findRated, dispatcher, listeners.orderedStream().toList(),
				(comment) -> (capture != null) ? capture.captureText(comment, maxComment) : null, failures);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = "llm.tracing.metrics.enabled", matchIfMissing = true)
	static class FeedbackMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeedbackMetrics llmTracingFeedbackMetrics(MeterRegistry registry, PromptTagLimiter promptTags,
				LlmTracingFeedbackProperties feedback) {
			return new FeedbackMetrics(registry, promptTags, feedback.getTagLimit());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	@ConditionalOnBean(Tracer.class)
	static class EvaluationSpanConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EvaluationSpans llmTracingEvaluationSpans(Tracer tracer) {
			return new EvaluationSpans(tracer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class })
	@ConditionalOnBooleanProperty(name = "llm.tracing.feedback.echo.enabled", matchIfMissing = true)
	static class ExchangeIdEchoConfiguration {

		@Bean
		FilterRegistrationBean<ExchangeIdHeaderFilter> llmTracingExchangeIdHeaderFilter(
				LlmTracingFeedbackProperties feedback, ObjectProvider<LlmTracingWebProperties> web) {
			FilterRegistrationBean<ExchangeIdHeaderFilter> registration = new FilterRegistrationBean<>(
					new ExchangeIdHeaderFilter(feedback.getEcho().getHeaderName()));
			LlmTracingWebProperties webProperties = web.getIfAvailable();
			int idFilterOrder = (webProperties != null) ? webProperties.getFilterOrder()
					: Ordered.HIGHEST_PRECEDENCE + 2;
			registration.setOrder(idFilterOrder + 2);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ RestController.class, JsonMapper.class, Filter.class })
	@ConditionalOnBooleanProperty(name = "llm.tracing.feedback.endpoint.enabled")
	static class FeedbackEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FeedbackController llmTracingFeedbackController(LlmFeedback feedback, LlmTracingFeedbackProperties properties) {
			return new FeedbackController(feedback,
					(int) Math.min(Integer.MAX_VALUE - 1, properties.getEndpoint().getMaxBodySize().toBytes()));
		}

	}

}
