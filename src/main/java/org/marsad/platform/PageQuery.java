package org.marsad.platform;

/** A validated page request: {@code page} counts from 0, {@code size} is between 1 and 200. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 200;

    public PageQuery {
        if (page < 0) {
            throw new InvalidInputException("page", "validation.min", 0);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.between", 1, MAX_SIZE);
        }
    }

    public static PageQuery of(Integer page, Integer size, int defaultSize) {
        return new PageQuery(page == null ? 0 : page, size == null ? defaultSize : size);
    }

    public int offset() {
        return page * size;
    }
}
