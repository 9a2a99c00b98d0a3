package org.marsad.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so that clients can page through it. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    /** One page of a list already in memory. */
    public static <T> PageResult<T> of(List<T> all, PageQuery page) {
        int from = Math.min(page.offset(), all.size());
        return new PageResult<>(all.subList(from, Math.min(from + page.size(), all.size())), page.page(), page.size(), all.size());
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
