/**
 * credit-service: the use cases. Each opens or joins the current transaction (CurrentTransaction), loads
 * what it needs through persistence, lets a domain rule decide, and records the resulting events
 * in the outbox. Called alike by resources, Kafka consumers and jobs; knows no HTTP.
 */
package io.tradecredit.credit.app;
