package dev.llmtracing.it;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the caller of a model saw: the answer, or the exception with its causes, each as
 * its class name and message, so that what two applications saw can be compared with
 * {@code equals}.
 *
 * @param answer the answer, or {@code null} when the call failed
 * @param errors the exception and its causes, outermost first, or empty
 * @author llm-tracing
 */
record CallerView(@Nullable String answer, List<String> errors) {

	private static final int MAX_CAUSES = 10;

	static CallerView of(Supplier<String> call) {
		try {
			return new CallerView(call.get(), List.of());
		}
		catch (RuntimeException ex) {
			List<String> errors = new ArrayList<>();
			for (Throwable error = ex; error != null && errors.size() < MAX_CAUSES; error = error.getCause()) {
				errors.add(error.getClass().getName() + ": " + error.getMessage());
			}
			return new CallerView(null, errors);
		}
	}

	/**
	 * Return this view with the exceptions down to the first of a type.
	 * @param type the type
	 * @return the shortened view
	 */
	CallerView through(Class<? extends Throwable> type) {
		return new CallerView(this.answer, this.errors.subList(0, indexOf(type) + 1));
	}

	/**
	 * Return the cause of the first exception of a type.
	 * @param type the type
	 * @return the cause as its class name and message
	 */
	String causeOf(Class<? extends Throwable> type) {
		int index = indexOf(type);
		assertThat(index).as("%s in %s", type.getName(), this.errors)
			.isNotNegative()
			.isLessThan(this.errors.size() - 1);
		return this.errors.get(index + 1);
	}

	private int indexOf(Class<? extends Throwable> type) {
		for (int i = 0; i < this.errors.size(); i++) {
			if (this.errors.get(i).startsWith(type.getName() + ":")) {
				return i;
			}
		}
		return -1;
	}

	boolean failed() {
		return !this.errors.isEmpty();
	}

}
