package org.marsad.skills.matching;

import java.util.Arrays;

/**
 * A sorted set of expert ids (a posting list of the inverted index), grown in place, each with a small value: the
 * expert's level in the skill (or -1), so that the index can count the level without reading the expert's vector.
 */
final class Posting {

    private static final int[] NO_IDS = new int[0];
    private static final byte[] NO_LEVELS = new byte[0];

    private int[] ids = NO_IDS;
    private byte[] levels = NO_LEVELS;
    private int size;

    void add(int id, byte level) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at >= 0) {
            levels[at] = level;
            return;
        }
        at = -at - 1;
        grow();
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        ids[at] = id;
        levels[at] = level;
        size++;
    }

    /** Bulk loading: append without order; call {@link #seal()} once done. */
    void append(int id, byte level) {
        grow();
        ids[size] = id;
        levels[size] = level;
        size++;
    }

    private void grow() {
        if (size == ids.length) {
            int capacity = Math.max(4, size + (size >> 1));
            ids = Arrays.copyOf(ids, capacity);
            levels = Arrays.copyOf(levels, capacity);
        }
    }

    void seal() {
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = ((long) ids[i] << 8) | (levels[i] & 0xff);
        }
        Arrays.sort(packed);
        int n = 0;
        for (long p : packed) {
            int id = (int) (p >>> 8);
            if (n == 0 || ids[n - 1] != id) {
                ids[n] = id;
                levels[n] = (byte) p;
                n++;
            }
        }
        size = n;
        ids = Arrays.copyOf(ids, n);
        levels = Arrays.copyOf(levels, n);
    }

    void remove(int id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        if (at < 0) {
            return;
        }
        System.arraycopy(ids, at + 1, ids, at, size - at - 1);
        System.arraycopy(levels, at + 1, levels, at, size - at - 1);
        size--;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return ids[i];
    }

    byte level(int i) {
        return levels[i];
    }

    long bytes() {
        return 48 + 16 + 5L * ids.length + 16;
    }
}
