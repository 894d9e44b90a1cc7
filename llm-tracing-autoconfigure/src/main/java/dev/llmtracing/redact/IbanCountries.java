package dev.llmtracing.redact;

import java.util.HashMap;
import java.util.Map;

/**
 * The length of the IBANs of each country, from the SWIFT IBAN registry (ISO 13616) and,
 * for the countries that use IBANs outside it (most of them in Africa), from their
 * national banking associations. A candidate of a listed country must have exactly its
 * length, which turns away most codes that pass mod-97 by chance (one in 97); IBANs of an
 * unlisted country only need 15 to 34 characters.
 *
 * @author llm-tracing
 */
final class IbanCountries {

	private static final String LENGTHS = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 "
			+ "CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 "
			+ "IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 "
			+ "MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 "
			+ "SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";

	private static final Map<String, Integer> BY_COUNTRY = parse();

	private IbanCountries() {
	}

	/**
	 * Return whether an IBAN of this country can have this length.
	 * @param text the text
	 * @param start where the country code starts
	 * @param length the number of letters and digits of the candidate
	 * @return whether the length fits the country
	 */
	static boolean hasLength(String text, int start, int length) {
		Integer expected = BY_COUNTRY.get(text.substring(start, start + 2));
		return (expected != null) ? length == expected : length >= 15 && length <= 34;
	}

	/**
	 * Return whether the IBAN registry lists the country whose code starts at the index.
	 * @param text the text
	 * @param start where the country code starts
	 * @return whether the country is listed
	 */
	static boolean isListed(String text, int start) {
		return BY_COUNTRY.containsKey(text.substring(start, start + 2));
	}

	/**
	 * Return whether the given index follows, a space apart, groups of up to four
	 * upper-case letters and digits that start with a country code and two digits, as
	 * IBANs are written: a number there is the tail of an IBAN-like code (one whose check
	 * failed), not a number of its own.
	 * @param text the text
	 * @param start the index of the number
	 * @return whether the number continues an IBAN-like code
	 */
	static boolean continuesIbanLikeCode(String text, int start) {
		int end = start - 1;
		for (int group = 0; group < 8 && end > 0 && text.charAt(end) == ' '; group++) {
			int groupStart = end;
			while (groupStart > 0 && end - groupStart < 4 && isCodeChar(text.charAt(groupStart - 1))) {
				groupStart--;
			}
			if (groupStart == end || (groupStart > 0 && Chars.isWordChar(text.charAt(groupStart - 1)))) {
				return false;
			}
			if (end - groupStart == 4 && Chars.isUpper(text.charAt(groupStart))
					&& Chars.isUpper(text.charAt(groupStart + 1)) && Chars.isDigit(text.charAt(groupStart + 2))
					&& Chars.isDigit(text.charAt(groupStart + 3))) {
				return true;
			}
			end = groupStart - 1;
		}
		return false;
	}

	private static boolean isCodeChar(char ch) {
		return Chars.isDigit(ch) || Chars.isUpper(ch);
	}

	private static Map<String, Integer> parse() {
		Map<String, Integer> lengths = new HashMap<>();
		for (String entry : LENGTHS.split(" ")) {
			lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
		}
		return Map.copyOf(lengths);
	}

}
