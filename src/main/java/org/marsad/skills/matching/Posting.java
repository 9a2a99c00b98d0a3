package org.marsad.skills.matching;

import java.util.Arrays;

/** A sorted set of expert ids (a posting list of the inverted index), grown in place. */
final class Posting {

    private static final int[] EMPTY = new int[0];

    private int[] ids = EMPTY;
    private int size;

    void add(int id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(4, size + (size >> 1)));
        }
        System.arraycopy(ids, at, ids, at + 1, size - at);
        ids[at] = id;
        size++;
    }

    /** Bulk loading: append without order; call {@link #seal()} once done. */
    void append(int id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.max(4, size + (size >> 1)));
        }
        ids[size++] = id;
    }

    void seal() {
        Arrays.sort(ids, 0, size);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n == 0 || ids[n - 1] != ids[i]) {
                ids[n++] = ids[i];
            }
        }
        size = n;
        ids = Arrays.copyOf(ids, n);
    }

    void remove(int id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at < 0) {
            return;
        }
        System.arraycopy(ids, at + 1, ids, at, size - at - 1);
        size--;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return ids[i];
    }

    long bytes() {
        return 32 + 16 + 4L * ids.length;
    }
}
