package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds IPv4 addresses (four octets from 0 to 255, not part of a longer dotted number)
 * and IPv6 addresses (eight groups of up to four hexadecimal digits, or fewer with one
 * {@code ::}, optionally ending in an IPv4 address). Replaced by {@code [IP]}.
 *
 * @author llm-tracing
 */
final class IpAddressDetector implements Detector {

	@Override
	public String name() {
		return "ip";
	}

	@Override
	public boolean mightMatch(String text) {
		return text.indexOf('.') >= 0 || text.indexOf(':') >= 0;
	}

	/**
	 * Test each run of address characters (hexadecimal digits, {@code .} and {@code :})
	 * that holds a {@code .} or a {@code :}, found from those characters, and that starts
	 * a word: only such a run can be an address.
	 */
	@Override
	public void find(String text, List<Finding> findings) {
		int length = text.length();
		int dot = text.indexOf('.');
		int colon = text.indexOf(':');
		int from = 0;
		while (dot >= 0 || colon >= 0) {
			int separator = (colon < 0 || (dot >= 0 && dot < colon)) ? dot : colon;
			int start = separator;
			while (start > from && isAddressChar(text.charAt(start - 1))) {
				start--;
			}
			int end = separator + 1;
			while (end < length && isAddressChar(text.charAt(end))) {
				end++;
			}
			char first = text.charAt(start);
			if ((Chars.isHex(first) || first == ':') && startsAddress(text, start)) {
				test(text, start, end, findings);
			}
			from = end;
			if (dot >= 0 && dot < end) {
				dot = text.indexOf('.', end);
			}
			if (colon >= 0 && colon < end) {
				colon = text.indexOf(':', end);
			}
		}
	}

	private static void test(String text, int start, int runEnd, List<Finding> findings) {
		int end = runEnd;
		while (end > start && text.charAt(end - 1) == '.') {
			end--;
		}
		int v4End = start;
		while (v4End < end && (Chars.isDigit(text.charAt(v4End)) || text.charAt(v4End) == '.')) {
			v4End++;
		}
		if ((v4End == end || text.charAt(v4End) == ':') && Chars.endsWord(text, v4End) && isIpv4(text, start, v4End)) {
			findings.add(new Finding(start, v4End, Placeholders.IP));
		}
		else if (Chars.endsWord(text, end) && isIpv6(text, start, end)) {
			findings.add(new Finding(start, end, Placeholders.IP));
		}
	}

	private static boolean startsAddress(String text, int i) {
		if (i == 0) {
			return true;
		}
		char before = text.charAt(i - 1);
		return !Chars.isWordChar(before) && before != '.' && before != ':' && before != '-';
	}

	private static boolean isAddressChar(char ch) {
		return Chars.isHex(ch) || ch == ':' || ch == '.';
	}

	static boolean isIpv4(String text, int start, int end) {
		int octets = 0;
		int value = -1;
		int length = 0;
		for (int i = start; i < end; i++) {
			char ch = text.charAt(i);
			if (Chars.isDigit(ch)) {
				value = (value < 0 ? 0 : value * 10) + (ch - '0');
				if (++length > 3 || value > 255) {
					return false;
				}
			}
			else if (ch == '.' && value >= 0) {
				octets++;
				value = -1;
				length = 0;
			}
			else {
				return false;
			}
		}
		return value >= 0 && octets == 3;
	}

	static boolean isIpv6(String text, int start, int end) {
		int groups = 0;
		int groupLength = 0;
		boolean compressed = false;
		int colons = 0;
		for (int i = start; i < end; i++) {
			char ch = text.charAt(i);
			if (ch == ':') {
				colons++;
				if (i + 1 < end && text.charAt(i + 1) == ':') {
					if (compressed) {
						return false;
					}
					compressed = true;
					i++;
					colons++;
				}
				else if (groupLength == 0 && i != start) {
					return false;
				}
				if (groupLength > 0) {
					groups++;
				}
				groupLength = 0;
			}
			else if (ch == '.') {
				int groupStart = i - groupLength;
				return groupLength > 0 && isIpv4(text, groupStart, end) && groups + 2 <= 8
						&& (compressed || groups + 2 == 8) && colons >= 2;
			}
			else if (++groupLength > 4) {
				return false;
			}
		}
		if (groupLength > 0) {
			groups++;
		}
		else if (!compressed || text.charAt(end - 1) != ':') {
			return false;
		}
		return colons >= 2 && (compressed ? groups < 8 : groups == 8);
	}

}
