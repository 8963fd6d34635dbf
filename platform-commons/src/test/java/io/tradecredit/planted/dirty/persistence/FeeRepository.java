package io.tradecredit.planted.dirty.persistence;

public class FeeRepository {
    public void save(Object fee) {
    }
}
