package io.tradecredit.planted.dirty.api;

import io.tradecredit.planted.dirty.persistence.FeeRepository;

/** Planted violation: a resource that writes through a repository itself. */
public class FeeResource {
    public void charge(String amount) {
        new FeeRepository().save(amount);
    }
}
