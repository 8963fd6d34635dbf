package io.tradecredit.common.domain;

/**
 * One offending item of a refused command, named in the domain's words: a field of the command
 * (e.g. {@code lines[0].quantity}, {@code disputedAmount}) and what is wrong with it.
 */
public record Violation(String field, String message) {
}
