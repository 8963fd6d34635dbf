/** notification-service: Kafka consumers (through the chassis Inbox, with a DLQ per channel) and the mapping of domain events to the outbox. */
package io.tradecredit.notification.messaging;
