/** credit-service: Entities and business rules as plain Java, unit-testable without Quarkus. Every rule of docs/domain.md §1 lives in one class here. */
package io.tradecredit.credit.domain;
