package org.marsad.platform.web;

/**
 * An entry of the main menu. Each module declares its own as a bean, so the layout needs no change when a
 * module is added.
 */
public record NavigationLink(String messageKey, String path, int order) {
}
