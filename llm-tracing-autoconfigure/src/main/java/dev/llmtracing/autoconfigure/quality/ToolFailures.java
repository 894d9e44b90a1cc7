package dev.llmtracing.autoconfigure.quality;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import dev.llmtracing.support.BoundedMap;

/**
 * The tool calls whose execution failed, by tool call ID, until the model round that
 * receives their results asks: a bounded set, oldest out first. A failing tool gives the
 * model an error message as its result (Spring AI's tool execution exception processor
 * turns the exception into that text), so the failure is remembered when it happens and
 * the next round, whose prompt ends with those results, is named {@code tool_error}.
 *
 * @author llm-tracing
 */
final class ToolFailures {

	private final Set<String> failed;

	/**
	 * Create an instance.
	 * @param maxFailures the most failed tool calls remembered
	 */
	ToolFailures(int maxFailures) {
		this.failed = Collections.newSetFromMap(BoundedMap.firstInFirstOut(maxFailures));
	}

	/**
	 * Remember that a tool call failed.
	 * @param toolCallId the ID of the tool call; an empty ID is ignored
	 */
	void failed(String toolCallId) {
		if (toolCallId.isEmpty()) {
			return;
		}
		synchronized (this.failed) {
			this.failed.add(toolCallId);
		}
	}

	/**
	 * Return whether any of the given tool calls failed, and forget those that did.
	 * @param toolCallIds the IDs of the tool results a model round received
	 * @return whether one of them failed
	 */
	boolean anyFailed(List<String> toolCallIds) {
		if (toolCallIds.isEmpty()) {
			return false;
		}
		boolean any = false;
		synchronized (this.failed) {
			for (String id : toolCallIds) {
				any |= this.failed.remove(id);
			}
		}
		return any;
	}

}
