package dev.llmtracing.autoconfigure.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.llmtracing.advisor.LlmTracingParams;
import dev.llmtracing.context.ExchangeIdEcho;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Asks the configured model a {@link Canary}'s prompt and checks the answer against its
 * expectations. The call goes through a {@code ChatClient} built from the application's
 * builder, so it is recorded and traced like any other, with the prompt name
 * {@value #PROMPT_NAME} and the canary's name as prompt version: its record, its
 * {@code llm.prompt.*} fields and the {@code llm_prompt_name} tag of every meter set it
 * apart from user traffic. It runs outside any inbound request, so it never gets a
 * request record.
 *
 * @author llm-tracing
 */
final class CanaryRunner {

	/**
	 * The prompt name of every canary call.
	 */
	static final String PROMPT_NAME = "llm-canary";

	private final Supplier<ChatClient> chatClient;

	/**
	 * Create a runner.
	 * @param chatClient the client to ask, built from the application's
	 * {@code ChatClient.Builder}
	 */
	CanaryRunner(Supplier<ChatClient> chatClient) {
		this.chatClient = chatClient;
	}

	/**
	 * Run a canary once, on the calling thread.
	 * @param canary the canary
	 * @return what the run gave; never throws for a failing model call
	 */
	CanaryRun run(Canary canary) {
		long start = System.nanoTime();
		List<String> exchangeIds = new ArrayList<>(1);
		try (ExchangeIdEcho.Scope echo = ExchangeIdEcho.open(exchangeIds::add)) {
			ChatResponse response = request(canary).call().chatResponse();
			String answer = text(response);
			List<String> failures = canary.expectations().failures(answer);
			return new CanaryRun(canary.name(), failures.isEmpty() ? CanaryRun.Result.PASS : CanaryRun.Result.FAIL,
					failures, last(exchangeIds), millisSince(start));
		}
		catch (RuntimeException ex) {
			return new CanaryRun(canary.name(), CanaryRun.Result.ERROR, List.of("error: " + ex.getClass().getName()),
					last(exchangeIds), millisSince(start));
		}
	}

	private ChatClient.ChatClientRequestSpec request(Canary canary) {
		ChatClient.ChatClientRequestSpec spec = this.chatClient.get()
			.prompt()
			.user(canary.prompt())
			.advisors((advisor) -> advisor.param(LlmTracingParams.PROMPT_NAME, PROMPT_NAME)
				.param(LlmTracingParams.PROMPT_VERSION, canary.name()));
		if (canary.system() != null) {
			spec = spec.system(canary.system());
		}
		if (canary.model() != null || canary.temperature() != null) {
			spec = spec.options(ChatOptions.builder().model(canary.model()).temperature(canary.temperature()));
		}
		return spec;
	}

	private static String text(@Nullable ChatResponse response) {
		if (response == null || response.getResult() == null) {
			return "";
		}
		String text = response.getResult().getOutput().getText();
		return (text != null) ? text : "";
	}

	private static @Nullable String last(List<String> exchangeIds) {
		return exchangeIds.isEmpty() ? null : exchangeIds.get(exchangeIds.size() - 1);
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
