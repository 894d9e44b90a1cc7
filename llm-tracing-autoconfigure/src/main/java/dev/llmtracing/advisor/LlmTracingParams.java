package dev.llmtracing.advisor;

/**
 * Advisor parameters an application can set on a {@code ChatClient} request to describe
 * it in the exchange record:
 *
 * <pre class="code">
 * chatClient.prompt()
 *     .user(question)
 *     .advisors((advisor) -&gt; advisor.param(LlmTracingParams.PROMPT_NAME, "support-answer")
 *         .param(LlmTracingParams.PROMPT_VERSION, "v3"))
 *     .call()
 *     .content();
 * </pre>
 *
 * @author llm-tracing
 * @since 0.1.0
 */
public final class LlmTracingParams {

	/**
	 * The name of the prompt template.
	 */
	public static final String PROMPT_NAME = "llm.tracing.prompt.name";

	/**
	 * The version of the prompt template.
	 */
	public static final String PROMPT_VERSION = "llm.tracing.prompt.version";

	/**
	 * The caller's {@link dev.llmtracing.context.TracingIds}, set by the
	 * {@link TracingAdvisor}.
	 */
	public static final String IDS = "llm.tracing.ids";

	/**
	 * The {@link dev.llmtracing.autoconfigure.chat.FirstChunkTimer} of a stream, set by
	 * the {@link TracingAdvisor}.
	 */
	public static final String FIRST_CHUNK_TIMER = "llm.tracing.first-chunk-timer";

	private LlmTracingParams() {
	}

}
