package io.tradecredit.credit.domain;


/** Which buyers a list asks for: every criterion left null matches all. */
public record BuyerSearch(String name, String registrationNumber, String country, Integer gradeFrom, Boolean blocked) {
}
