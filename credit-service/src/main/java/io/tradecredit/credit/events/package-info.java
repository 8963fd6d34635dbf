/**
 * credit-service: the events this service publishes, built from its domain objects in the past tense with
 * what a consumer needs; recorded by the use cases through the outbox (schemas in contracts/).
 */
package io.tradecredit.credit.events;
