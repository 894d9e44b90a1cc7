package dev.llmtracing.redact;

import java.util.List;

/**
 * Finds secrets and API keys by their published prefixes: OpenAI ({@code sk-},
 * {@code sk-proj-}), Anthropic ({@code sk-ant-}), AWS access key IDs ({@code AKIA},
 * {@code ASIA}), GitHub tokens ({@code ghp_}, {@code gho_}, {@code ghu_}, {@code ghs_},
 * {@code ghr_}, {@code github_pat_}), Google API keys ({@code AIza}), Stripe keys
 * ({@code sk_live_}, {@code rk_test_}, ...), Slack tokens ({@code xox?-}), the token of
 * an HTTP {@code Bearer} credential, and PEM private-key blocks. Keys are replaced by
 * {@code [SECRET]}, key blocks by {@code [PRIVATE_KEY]}.
 *
 * @author llm-tracing
 */
final class SecretDetector implements Detector {

	private static final String PEM_BEGIN = "-----BEGIN ";

	private static final String PEM_KEY = "PRIVATE KEY-----";

	private static final List<Rule> RULES = List.of(new Rule("sk-", 20, true), new Rule("AKIA", 16, false),
			new Rule("ASIA", 16, false), new Rule("ghp_", 30, true), new Rule("gho_", 30, true),
			new Rule("ghu_", 30, true), new Rule("ghs_", 30, true), new Rule("ghr_", 30, true),
			new Rule("github_pat_", 22, true), new Rule("AIza", 30, true), new Rule("sk_live_", 16, true),
			new Rule("sk_test_", 16, true), new Rule("rk_live_", 16, true), new Rule("rk_test_", 16, true),
			new Rule("pk_live_", 16, true), new Rule("pk_test_", 16, true), new Rule("whsec_", 16, true),
			new Rule("xoxb-", 16, true), new Rule("xoxp-", 16, true), new Rule("xoxa-", 16, true));

	/**
	 * The rules whose prefix holds a {@code -} or an {@code _}: their candidates are
	 * found from those characters, in one pass for all of them.
	 */
	private static final Rule[] ANCHORED = RULES.stream().filter((rule) -> rule.anchor >= 0).toArray(Rule[]::new);

	/**
	 * The rules whose prefix holds neither: each is searched for on its own.
	 */
	private static final Rule[] UNANCHORED = RULES.stream().filter((rule) -> rule.anchor < 0).toArray(Rule[]::new);

	private static final List<String> BEARER = List.of("Bearer ", "bearer ", "BEARER ");

	@Override
	public String name() {
		return "secrets";
	}

	/**
	 * Whether the text might hold a secret. Any {@code -} or {@code _} passes, by design:
	 * {@link #find} looks at those characters only, once each, which costs about what a
	 * finer check here would.
	 */
	@Override
	public boolean mightMatch(String text) {
		if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
			return true;
		}
		for (Rule rule : UNANCHORED) {
			if (text.contains(rule.prefix)) {
				return true;
			}
		}
		for (String bearer : BEARER) {
			if (text.contains(bearer)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void find(String text, List<Finding> findings) {
		findAnchored(text, findings);
		for (Rule rule : UNANCHORED) {
			int start = text.indexOf(rule.prefix);
			while (start >= 0) {
				start = text.indexOf(rule.prefix, match(text, rule, start, findings));
			}
		}
		findBearer(text, findings);
		findPrivateKeys(text, findings);
	}

	/**
	 * Find the candidates of every anchored rule from each {@code -} and {@code _} of the
	 * text, left to right. A rule takes a candidate only from where its previous one
	 * ended, as a search for its prefix from there would.
	 */
	private static void findAnchored(String text, List<Finding> findings) {
		int[] next = new int[ANCHORED.length];
		int dash = text.indexOf('-');
		int underscore = text.indexOf('_');
		while (dash >= 0 || underscore >= 0) {
			int anchor = (underscore < 0 || (dash >= 0 && dash < underscore)) ? dash : underscore;
			char ch = text.charAt(anchor);
			for (int i = 0; i < ANCHORED.length; i++) {
				Rule rule = ANCHORED[i];
				int start = anchor - rule.anchor;
				if (rule.prefix.charAt(rule.anchor) == ch && start >= next[i] && text.startsWith(rule.prefix, start)) {
					next[i] = match(text, rule, start, findings);
				}
			}
			if (anchor == dash) {
				dash = text.indexOf('-', anchor + 1);
			}
			else {
				underscore = text.indexOf('_', anchor + 1);
			}
		}
	}

	/**
	 * Add the key that starts with a rule's prefix at {@code start}, if it is one.
	 * @return where the next search for the rule's prefix starts
	 */
	private static int match(String text, Rule rule, int start, List<Finding> findings) {
		int end = tokenEnd(text, start + rule.prefix.length(), rule.lowerCase);
		boolean boundary = start == 0 || !Chars.isTokenChar(text.charAt(start - 1));
		if (boundary && end - start - rule.prefix.length() >= rule.minLength && Chars.endsWord(text, end)) {
			findings.add(new Finding(start, end, Placeholders.SECRET));
		}
		return Math.max(end, start + 1);
	}

	private static void findBearer(String text, List<Finding> findings) {
		for (String bearer : BEARER) {
			int start = text.indexOf(bearer);
			while (start >= 0) {
				int tokenStart = start + bearer.length();
				while (tokenStart < text.length() && text.charAt(tokenStart) == ' ') {
					tokenStart++;
				}
				int end = tokenStart;
				while (end < text.length() && isCredentialChar(text.charAt(end))) {
					end++;
				}
				if (end - tokenStart >= 8) {
					findings.add(new Finding(tokenStart, end, Placeholders.SECRET));
				}
				start = text.indexOf(bearer, Math.max(end, start + 1));
			}
		}
	}

	private static void findPrivateKeys(String text, List<Finding> findings) {
		int start = text.indexOf(PEM_BEGIN);
		while (start >= 0) {
			int lineEnd = text.indexOf("-----", start + PEM_BEGIN.length());
			boolean privateKey = lineEnd > 0 && lineEnd - start < 80
					&& text.startsWith(PEM_KEY, lineEnd - PEM_KEY.length() + 5);
			if (!privateKey) {
				start = text.indexOf(PEM_BEGIN, start + 1);
				continue;
			}
			int endMarker = text.indexOf("-----END ", lineEnd + 5);
			int keyEnd = (endMarker < 0) ? -1 : text.indexOf(PEM_KEY, endMarker);
			int end = (keyEnd < 0) ? text.length() : keyEnd + PEM_KEY.length();
			findings.add(new Finding(start, end, Placeholders.PRIVATE_KEY));
			start = (end < text.length()) ? text.indexOf(PEM_BEGIN, end) : -1;
		}
	}

	private static int tokenEnd(String text, int from, boolean lowerCase) {
		int end = from;
		while (end < text.length()) {
			char ch = text.charAt(end);
			if (lowerCase ? Chars.isTokenChar(ch) : (Chars.isUpper(ch) || Chars.isDigit(ch))) {
				end++;
			}
			else {
				break;
			}
		}
		return end;
	}

	private static boolean isCredentialChar(char ch) {
		return Chars.isAlnum(ch) || ch == '.' || ch == '_' || ch == '~' || ch == '+' || ch == '/' || ch == '='
				|| ch == '-';
	}

	/**
	 * A key prefix: {@code anchor} is the index of its first {@code -} or {@code _}, or
	 * -1.
	 */
	private record Rule(String prefix, int minLength, boolean lowerCase, int anchor) {

		Rule(String prefix, int minLength, boolean lowerCase) {
			this(prefix, minLength, lowerCase, anchorOf(prefix));
		}

		private static int anchorOf(String prefix) {
			int dash = prefix.indexOf('-');
			int underscore = prefix.indexOf('_');
			return (dash < 0) ? underscore : (underscore < 0) ? dash : Math.min(dash, underscore);
		}

	}

}
