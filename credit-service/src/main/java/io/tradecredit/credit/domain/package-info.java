/**
 * credit-service: entities, values and rules as plain Java, unit-testable without Quarkus, HTTP or a
 * database. Nothing here imports Quarkus, Panache, Vert.x, JAX-RS or another package of this
 * service (ServiceChassisContract checks it); a rule refuses with a DomainError. The rules are
 * described in docs/domain.md; each service doc maps every rule to its class.
 */
package io.tradecredit.credit.domain;
