package io.tradecredit.devstack.demo;

/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015) as credit-service checks it
 * (its {@code domain.UnifiedSocialCreditCode}): 17 characters from a 31-character alphabet (digits and
 * capitals without I, O, S, V, Z), then the check character 31 − (Σ value × weight mod 31), 31 written as 0.
 */
public final class Uscc {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** The 18-character code: the 17 given characters and the check character that fits them. */
    public static String withCheckCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a code has 17 characters before its check character: " + first17);
        }
        return first17 + ALPHABET.charAt((31 - weightedSum(first17) % 31) % 31);
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 18 && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                && withCheckCharacter(code.substring(0, 17)).equals(code);
    }

    private static int weightedSum(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in a code's alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        return sum;
    }
}
