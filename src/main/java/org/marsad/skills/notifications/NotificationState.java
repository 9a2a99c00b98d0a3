package org.marsad.skills.notifications;

/**
 * Where a notification stands. Every notification is readable in the application at once; these states are about
 * its e-mail: waiting to be sent (again), being sent, sent, failed for good (with the error), or not e-mailed because
 * the recipient has no address.
 */
public enum NotificationState {
    QUEUED, SENDING, SENT, FAILED, NO_EMAIL
}
