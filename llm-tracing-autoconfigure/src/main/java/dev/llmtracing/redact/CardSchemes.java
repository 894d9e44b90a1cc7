package dev.llmtracing.redact;

/**
 * The issuer identification number (IIN) ranges and lengths of the card schemes, as they
 * publish them, so that only numbers a scheme issues count as card numbers:
 *
 * <table>
 * <caption>IIN ranges and lengths</caption>
 * <tr>
 * <th>Scheme</th>
 * <th>IIN ranges</th>
 * <th>Lengths</th>
 * </tr>
 * <tr>
 * <td>Visa (Electron included)</td>
 * <td>4</td>
 * <td>13, 16, 19</td>
 * </tr>
 * <tr>
 * <td>Mastercard</td>
 * <td>2221–2720, 51–55</td>
 * <td>16</td>
 * </tr>
 * <tr>
 * <td>Maestro</td>
 * <td>50, 56–58, 6304, 6390, 67</td>
 * <td>12–19</td>
 * </tr>
 * <tr>
 * <td>American Express</td>
 * <td>34, 37</td>
 * <td>15</td>
 * </tr>
 * <tr>
 * <td>Diners Club</td>
 * <td>30, 36, 38, 39</td>
 * <td>14–19</td>
 * </tr>
 * <tr>
 * <td>Discover</td>
 * <td>6011, 644–649, 65</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>JCB</td>
 * <td>3528–3589</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>JCB (older ranges)</td>
 * <td>3088–3094, 3096–3102, 3112–3120, 3137, 3158–3159, 3337–3349</td>
 * <td>16</td>
 * </tr>
 * <tr>
 * <td>JCB (15 digits)</td>
 * <td>1800, 2131</td>
 * <td>15</td>
 * </tr>
 * <tr>
 * <td>UnionPay</td>
 * <td>62, 81</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>China T-Union</td>
 * <td>31</td>
 * <td>19</td>
 * </tr>
 * <tr>
 * <td>RuPay</td>
 * <td>60, 65, 81, 82, 508, 353, 356</td>
 * <td>16</td>
 * </tr>
 * <tr>
 * <td>Mir</td>
 * <td>2200–2204</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>Borica</td>
 * <td>2205</td>
 * <td>16</td>
 * </tr>
 * <tr>
 * <td>Dankort</td>
 * <td>5019</td>
 * <td>16</td>
 * </tr>
 * <tr>
 * <td>Forbrugsforeningen, UkrCard, GPN</td>
 * <td>60</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>InterPayment, InstaPayment</td>
 * <td>636, 637–639</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>Laser</td>
 * <td>6304, 6706, 6709, 6771</td>
 * <td>16–19</td>
 * </tr>
 * <tr>
 * <td>Verve</td>
 * <td>506099–506198, 507865–507964, 650002–650027</td>
 * <td>16, 18, 19</td>
 * </tr>
 * <tr>
 * <td>UATP</td>
 * <td>1</td>
 * <td>15</td>
 * </tr>
 * <tr>
 * <td>GPN</td>
 * <td>1946</td>
 * <td>16, 18, 19</td>
 * </tr>
 * <tr>
 * <td>Uzcard, Humo</td>
 * <td>8600, 9860</td>
 * <td>16</td>
 * </tr>
 * <tr>
 * <td>Troy, Napas</td>
 * <td>9792, 9704</td>
 * <td>16, 19</td>
 * </tr>
 * </table>
 *
 * Ranges inside a wider one with the same lengths (Dankort, RuPay's 508 and Verve in
 * Maestro's 50, Laser in Maestro's 6304 and 67, RuPay's 353 and 356 in JCB's 3528–3589,
 * Verve's 650002–650027 in Discover's 65) need no rule of their own. JCB's 3137 is not in
 * JCB's published ranges but is listed as one by fake-data generators; a Luhn-valid
 * 16-digit number there is masked too.
 *
 * @author llm-tracing
 */
final class CardSchemes {

	private static final int L12_19 = lengths(12, 19);

	private static final int L14_19 = lengths(14, 19);

	private static final int L16_19 = lengths(16, 19);

	private static final int L16 = lengths(16, 16);

	private static final int L15 = lengths(15, 15);

	/**
	 * Rules as (prefix length, lowest prefix, highest prefix, lengths bit set).
	 */
	private static final int[][] RULES = { { 1, 4, 4, lengths(13, 13) | L16 | lengths(19, 19) }, // Visa
			{ 4, 2221, 2720, L16 }, { 2, 51, 55, L16 }, // Mastercard
			{ 2, 50, 50, L12_19 }, { 2, 56, 58, L12_19 }, { 4, 6304, 6304, L12_19 }, { 4, 6390, 6390, L12_19 },
			{ 2, 67, 67, L12_19 }, // Maestro
			{ 2, 34, 34, L15 }, { 2, 37, 37, L15 }, // American Express
			{ 2, 30, 30, L14_19 }, { 2, 36, 36, L14_19 }, { 2, 38, 39, L14_19 }, // Diners
																					// Club
			{ 4, 6011, 6011, L16_19 }, { 3, 644, 649, L16_19 }, { 2, 65, 65, L16_19 }, // Discover
			{ 4, 3528, 3589, L16_19 }, { 4, 3088, 3094, L16 }, { 4, 3096, 3102, L16 }, { 4, 3112, 3120, L16 },
			{ 4, 3137, 3137, L16 }, { 4, 3158, 3159, L16 }, { 4, 3337, 3349, L16 }, { 4, 1800, 1800, L15 },
			{ 4, 2131, 2131, L15 }, // JCB
			{ 2, 62, 62, L16_19 }, { 2, 81, 82, L16_19 }, // UnionPay, RuPay
			{ 2, 31, 31, lengths(19, 19) }, // China T-Union
			{ 4, 2200, 2204, L16_19 }, { 4, 2205, 2205, L16 }, // Mir, Borica
			{ 2, 60, 60, L16_19 }, { 3, 636, 639, L16_19 }, // RuPay, UkrCard, GPN,
															// InterPayment
			{ 1, 1, 1, L15 }, { 4, 1946, 1946, lengths(16, 16) | lengths(18, 19) }, // UATP,
																					// GPN
			{ 4, 8600, 8600, L16 }, { 4, 9860, 9860, L16 }, // Uzcard, Humo
			{ 4, 9792, 9792, L16 | lengths(19, 19) }, { 4, 9704, 9704, L16 | lengths(19, 19) } }; // Troy,
																									// Napas

	private CardSchemes() {
	}

	/**
	 * Return whether a scheme issues card numbers with these first digits and this
	 * length.
	 * @param digits the digits of the number
	 * @param count how many there are
	 * @return whether a scheme issues such numbers
	 */
	static boolean isIssued(int[] digits, int count) {
		for (int[] rule : RULES) {
			int prefix = 0;
			for (int i = 0; i < rule[0]; i++) {
				prefix = prefix * 10 + digits[i];
			}
			if (prefix >= rule[1] && prefix <= rule[2] && (rule[3] & (1 << count)) != 0) {
				return true;
			}
		}
		return false;
	}

	private static int lengths(int min, int max) {
		int lengths = 0;
		for (int length = min; length <= max; length++) {
			lengths |= 1 << length;
		}
		return lengths;
	}

}
