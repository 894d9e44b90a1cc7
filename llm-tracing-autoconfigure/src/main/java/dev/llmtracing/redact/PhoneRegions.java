package dev.llmtracing.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The regions whose national phone number formats the phone detector recognises, as ISO
 * 3166-1 alpha-2 codes. Numbers written with {@code +} and a country code are found
 * whatever the regions; the regions decide which numbers without it are found, such as
 * {@code 0115 4960446} (GB) or {@code 09118 665646} (DE). Each region costs a
 * libphonenumber call for a candidate that could be one of its numbers, so keep the list
 * to the regions your users write numbers from.
 *
 * @author llm-tracing
 */
public final class PhoneRegions {

	/**
	 * The default regions: the United States and Canada, the United Kingdom and Ireland,
	 * Germany, Austria, Switzerland, France, Belgium, the Netherlands, Italy, Spain,
	 * Portugal, Japan, Australia and India.
	 */
	public static final List<String> DEFAULT = List.of("US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL", "IT",
			"ES", "PT", "JP", "AU", "IN");

	private static final String LIBRARY_CLASS = "com.google.i18n.phonenumbers.PhoneNumberUtil";

	private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

	private PhoneRegions() {
	}

	/**
	 * Return whether Google's libphonenumber is on the class path. Without it, phone
	 * numbers are recognised by their format only: with a {@code +} and a country code,
	 * or in three or more groups.
	 * @return whether libphonenumber is present
	 */
	public static boolean isLibraryPresent() {
		try {
			Class.forName(LIBRARY_CLASS, false, PhoneRegions.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Return the codes that name no region: not supported by libphonenumber when it is
	 * present, otherwise not an ISO 3166-1 alpha-2 code.
	 * @param codes the region codes, in upper case
	 * @return the unknown codes, in order
	 */
	public static List<String> unknown(Collection<String> codes) {
		boolean library = isLibraryPresent();
		List<String> unknown = new ArrayList<>();
		for (String code : codes) {
			if (library ? !PhoneNumberLibrary.isSupported(code) : !ISO_COUNTRIES.contains(code)) {
				unknown.add(code);
			}
		}
		return unknown;
	}

	static PhoneDetector detector(List<String> regions) {
		List<String> unknown = unknown(regions);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown phone regions " + unknown);
		}
		return new PhoneDetector(isLibraryPresent() ? new PhoneNumberLibrary(regions) : null);
	}

}
