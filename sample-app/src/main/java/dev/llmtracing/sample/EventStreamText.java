package dev.llmtracing.sample;

/**
 * Prepares a chunk of text to be sent as the data of a server-sent event, so that a
 * standard client ({@code EventSource}) gets it back exactly. Spring writes each line of
 * the data as {@code data:} followed by the line, and a client removes one space after
 * the colon: a chunk such as {@code " world"} would lose its leading space and the words
 * would run together. Starting every line with one space keeps the text as it was.
 * Server-sent events cannot carry a carriage return; a client reads each line break as
 * {@code \n}.
 *
 * @author llm-tracing
 */
final class EventStreamText {

	private EventStreamText() {
	}

	/**
	 * Return the chunk with one space at the start of each of its lines.
	 * @param chunk the text of the chunk
	 * @return the data to send
	 */
	static String data(String chunk) {
		StringBuilder data = new StringBuilder(chunk.length() + 1).append(' ');
		for (int i = 0; i < chunk.length(); i++) {
			char ch = chunk.charAt(i);
			data.append(ch);
			boolean lineEnds = ch == '\n' || (ch == '\r' && (i + 1 == chunk.length() || chunk.charAt(i + 1) != '\n'));
			if (lineEnds) {
				data.append(' ');
			}
		}
		return data.toString();
	}

}
