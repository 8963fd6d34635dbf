package io.tradecredit.credit.domain;

import java.util.Optional;

/**
 * China's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z); the last is a check
 * character: 31 - (sum of value x weight over the first 17, mod 31), with 31 written as 0.
 */
public final class UnifiedSocialCreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Why the code is not valid, or empty when it is. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must be 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed");
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        char expected = checkCharacter(sum);
        if (code.charAt(17) != expected) {
            return Optional.of("check character is '" + code.charAt(17) + "', expected '" + expected + "'");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    private static char checkCharacter(int weightedSum) {
        int check = 31 - weightedSum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
