package dev.llmtracing.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector for a user-defined regular expression. The text is read through a
 * {@link BoundedCharSequence}, so a pattern that backtracks catastrophically on hostile
 * input fails fast instead of hanging; the failure then drops the whole text.
 *
 * @author llm-tracing
 */
final class PatternDetector implements Detector {

	private final String name;

	private final Pattern pattern;

	private final String placeholder;

	/**
	 * Create a detector.
	 * @param name the name of the pattern
	 * @param pattern the compiled pattern
	 * @param placeholder what replaces a match, such as {@code [EMPLOYEE_ID]}
	 */
	PatternDetector(String name, Pattern pattern, String placeholder) {
		this.name = name;
		this.pattern = pattern;
		this.placeholder = placeholder;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean mightMatch(String text) {
		return true;
	}

	@Override
	public void find(String text, List<Finding> findings) {
		Matcher matcher = this.pattern.matcher(new BoundedCharSequence(text, 200L * text.length() + 100_000));
		while (matcher.find()) {
			if (matcher.end() > matcher.start()) {
				findings.add(new Finding(matcher.start(), matcher.end(), this.placeholder));
			}
		}
	}

}
