package dev.llmtracing.request;

import java.time.Duration;

/**
 * One activity of a request on its time axis: a model call, a tool execution, a retrieval
 * or a named stage, from its start to its end. Where the {@link RequestRecord#breakdown()
 * breakdown} gives each part its share of the request's time, activities say when each
 * ran; they may overlap.
 *
 * @param part the part: {@code model}, {@code tool}, {@code retrieval} or {@code stage}
 * @param name the stage's name for a stage, otherwise the part
 * @param offset from the start of the request to the start of the activity
 * @param duration how long it ran; an activity still running when the request ended ends
 * with it
 * @author llm-tracing
 * @since 0.1.0
 */
public record RequestActivity(String part, String name, Duration offset, Duration duration) {

}
