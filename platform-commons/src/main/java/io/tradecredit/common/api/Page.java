package io.tradecredit.common.api;

import java.util.List;

/** One page of a list: the items, where it is, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
}
