package dev.llmtracing.autoconfigure.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OutputParseErrors}.
 *
 * @author llm-tracing
 */
class OutputParseErrorsTests {

	private static final String SPEC = "org.springframework.ai.chat.client.DefaultChatClient$DefaultCallResponseSpec";

	@Test
	void shouldFindAnExceptionThrownByTheConversionOfAnEntityCall() {
		RuntimeException parse = thrownAt(frame("tools.jackson.core.JsonParser", "_constructReadException"),
				frame("org.springframework.ai.converter.BeanOutputConverter", "convert"),
				frame(SPEC, "doSingleWithBeanOutputConverter"), frame("app.Controller", "plan"));
		assertThat(OutputParseErrors.isOutputParseError(parse)).isTrue();
		assertThat(OutputParseErrors.isOutputParseError(new IllegalStateException("wrapped", parse))).isTrue();
	}

	@Test
	void shouldFindAnExceptionThrownConvertingAResponseEntity() {
		assertThat(OutputParseErrors.isOutputParseError(thrownAt(frame("app.MyConverter", "convert"),
				frame(SPEC, "doResponseEntity"), frame("app.Controller", "plan"))))
			.isTrue();
	}

	@Test
	void shouldNotFindAnExceptionOfTheModelCallUnderAnEntityCall() {
		RuntimeException modelError = thrownAt(frame("com.openai.Client", "execute"),
				frame(SPEC, "doGetObservableChatClientResponse"), frame(SPEC, "doSingleWithBeanOutputConverter"),
				frame("app.Controller", "plan"));
		assertThat(OutputParseErrors.isOutputParseError(modelError)).isFalse();
	}

	@Test
	void shouldNotFindAnExceptionOutsideTheChatClient() {
		assertThat(OutputParseErrors
			.isOutputParseError(thrownAt(frame("app.Parser", "convert"), frame("app.Controller", "plan")))).isFalse();
	}

	private static RuntimeException thrownAt(StackTraceElement... frames) {
		RuntimeException ex = new RuntimeException("test");
		ex.setStackTrace(frames);
		return ex;
	}

	private static StackTraceElement frame(String type, String method) {
		return new StackTraceElement(type, method, null, -1);
	}

}
