/**
 * credit-service: Kafka consumers. Each applies an event once through the chassis Inbox (dead-letter
 * topic for poison messages) by calling a use case in app; it decides nothing itself.
 */
package io.tradecredit.credit.messaging;
