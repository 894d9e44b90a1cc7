package dev.llmtracing.autoconfigure.chat;

import java.util.ArrayList;
import java.util.List;

import dev.llmtracing.content.ContentDigests;
import dev.llmtracing.record.ExchangeOutput;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The {@link ExchangeOutput} of a stopped model observation, read from its prompt and its
 * aggregated response; digests are computed when first asked for.
 *
 * @author llm-tracing
 */
final class ModelOutput implements ExchangeOutput {

	private final Prompt prompt;

	private final @Nullable ChatResponse response;

	private @Nullable String promptDigest;

	private @Nullable String completionDigest;

	/**
	 * Create the output of a call.
	 * @param prompt the prompt
	 * @param response the aggregated response
	 * @param completionDigest the SHA-256 of the completion as
	 * {@link #completionDigest()} computes it, such as the record's content digest, or
	 * {@code null}
	 */
	ModelOutput(Prompt prompt, @Nullable ChatResponse response, @Nullable String completionDigest) {
		this.prompt = prompt;
		this.response = response;
		this.completionDigest = completionDigest;
	}

	@Override
	public String completion() {
		Generation first = (this.response != null) ? this.response.getResult() : null;
		String text = (first != null) ? first.getOutput().getText() : null;
		return (text != null) ? text : "";
	}

	@Override
	public boolean hasToolCalls() {
		if (this.response == null) {
			return false;
		}
		for (Generation generation : this.response.getResults()) {
			if (generation.getOutput().hasToolCalls()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public List<String> toolResultIds() {
		List<Message> messages = this.prompt.getInstructions();
		List<String> ids = null;
		for (int i = messages.size() - 1; i >= 0 && messages.get(i) instanceof ToolResponseMessage results; i--) {
			for (ToolResponseMessage.ToolResponse result : results.getResponses()) {
				ids = (ids != null) ? ids : new ArrayList<>(2);
				ids.add(result.id());
			}
		}
		return (ids != null) ? ids : List.of();
	}

	@Override
	public String promptDigest() {
		if (this.promptDigest == null) {
			List<String> parts = new ArrayList<>();
			for (Message message : this.prompt.getInstructions()) {
				parts.add(message.getMessageType().getValue());
				String text = message.getText();
				parts.add((text != null) ? text : "");
			}
			this.promptDigest = ContentDigests.sha256(parts);
		}
		return this.promptDigest;
	}

	@Override
	public String completionDigest() {
		if (this.completionDigest == null) {
			List<String> texts = new ArrayList<>();
			if (this.response != null) {
				for (Generation generation : this.response.getResults()) {
					String text = generation.getOutput().getText();
					texts.add((text != null) ? text : "");
				}
			}
			this.completionDigest = ContentDigests.sha256(texts);
		}
		return this.completionDigest;
	}

}
