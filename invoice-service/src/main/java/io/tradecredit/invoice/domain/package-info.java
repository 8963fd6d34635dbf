/** invoice-service: Entities and business rules as plain Java, unit-testable without Quarkus. Every rule of docs/domain.md §2 lives in one class here. */
package io.tradecredit.invoice.domain;
