package org.marsad.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the query strings that pagers and filter links carry. */
public final class Urls {

    private Urls() {
    }

    /** A query parameter value, URL-encoded; {@code ""} for null. */
    public static String encode(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }
}
