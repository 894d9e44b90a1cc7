package dev.llmtracing.autoconfigure.propagation;

import dev.llmtracing.autoconfigure.ConditionalOnLlmTracingEnabled;
import dev.llmtracing.autoconfigure.LlmTracingAutoConfiguration;
import dev.llmtracing.support.InstrumentationFailures;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.tracing.Tracer;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration that keeps the HTTP call of a {@code ChatClient} stream through
 * Spring AI's OpenAI client in the caller's trace. The OpenAI SDK sends streaming
 * requests from a thread where no observation is current; an innermost advisor marks each
 * streaming prompt, and an observation handler that runs before the tracing handlers
 * parents the matching HTTP span on the model span. The advisor is added only when spans
 * are recorded (a {@link Tracer} other than the no-op one) and when the
 * {@code ChatClient.Builder}'s model was created by Spring AI's OpenAI chat
 * auto-configuration, whose HTTP clients are sure to remove the header.
 *
 * @author llm-tracing
 * @since 0.1.0
 */
@AutoConfiguration(after = LlmTracingAutoConfiguration.class)
@ConditionalOnClass({ OpenAiChatOptions.class, OpenAiHttpClientBuilderCustomizer.class, OkHttpContext.class,
		ChatClientBuilderCustomizer.class, ObservationHandlerGroup.class, Tracer.class })
@ConditionalOnLlmTracingEnabled
@ConditionalOnBooleanProperty(name = "llm.tracing.propagation.stream-spans", matchIfMissing = true)
public final class LlmTracingStreamLinkAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StreamSpanLinkHandler llmTracingStreamSpanLinkHandler(InstrumentationFailures failures) {
		return new StreamSpanLinkHandler(failures);
	}

	@Bean
	ObservationHandlerGroup llmTracingStreamSpanLinkHandlerGroup() {
		return new StreamSpanLinkHandlerGroup();
	}

	@Bean
	@ConditionalOnMissingBean
	StreamLinkAdvisor llmTracingStreamLinkAdvisor(InstrumentationFailures failures) {
		return new StreamLinkAdvisor(failures);
	}

	@Bean
	ChatClientBuilderCustomizer llmTracingStreamLinkChatClientBuilderCustomizer(StreamLinkAdvisor advisor,
			ObjectProvider<Tracer> tracer, ConfigurableListableBeanFactory beanFactory) {
		SingletonSupplier<Boolean> linking = SingletonSupplier.of(() -> isRecording(tracer.getIfAvailable())
				&& AutoConfiguredOpenAiChatModel.isChatClientModel(beanFactory));
		return (builder) -> {
			if (linking.obtain()) {
				builder.defaultAdvisors(advisor);
			}
		};
	}

	@Bean
	OpenAiHttpClientBuilderCustomizer llmTracingStreamLinkHeaderRemover() {
		return (builder) -> builder.interceptor(new StreamLinkHeaderRemover());
	}

	private static boolean isRecording(Tracer tracer) {
		return tracer != null && tracer != Tracer.NOOP;
	}

}
