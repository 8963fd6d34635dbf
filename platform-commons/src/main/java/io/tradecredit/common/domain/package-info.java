/**
 * What every service's {@code domain} package may use from the chassis besides {@code money}:
 * plain Java, no framework. A rule refuses with a {@link io.tradecredit.common.domain.DomainError}
 * (a code and the offending items in the domain's words); the chassis maps it to problem+json.
 */
package io.tradecredit.common.domain;
