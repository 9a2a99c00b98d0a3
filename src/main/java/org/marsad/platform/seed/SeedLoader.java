package org.marsad.platform.seed;

/**
 * Loads a module's seed data from files in the repository. Loaders run once the application context is ready,
 * before the web server accepts requests, in ascending {@link #order()}, one node at a time.
 */
public interface SeedLoader {

    int order();

    void load();
}
