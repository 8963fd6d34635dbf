/** insurance-claims-service: Panache repositories and queries; every query filters by the caller's tenant. */
package io.tradecredit.claims.persistence;
