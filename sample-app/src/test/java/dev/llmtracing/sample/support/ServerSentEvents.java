package dev.llmtracing.sample.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code text/event-stream} body the way a browser's {@code EventSource} does
 * (the HTML standard's event stream interpretation): lines end with CRLF, LF or CR; a
 * {@code data} field's value is what follows the colon, less one leading space; the data
 * lines of one event are joined with LF; a blank line dispatches the event; an event with
 * no data line is not dispatched.
 *
 * @author llm-tracing
 */
public final class ServerSentEvents {

	private ServerSentEvents() {
	}

	/**
	 * Return the data of each event of a stream.
	 * @param body the whole stream
	 * @return the data of each dispatched event, in order
	 */
	public static List<String> data(String body) {
		List<String> events = new ArrayList<>();
		StringBuilder data = null;
		for (String line : body.split("\r\n|\n|\r", -1)) {
			if (line.isEmpty()) {
				if (data != null) {
					events.add(data.toString());
				}
				data = null;
				continue;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring(colon + 1);
			if (value.startsWith(" ")) {
				value = value.substring(1);
			}
			if (field.equals("data")) {
				data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
			}
		}
		return events;
	}

}
