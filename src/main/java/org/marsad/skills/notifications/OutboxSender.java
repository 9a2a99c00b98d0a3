package org.marsad.skills.notifications;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.marsad.skills.SkillsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox by SMTP, on every node, without two nodes ever sending the same notification:
 * <ol>
 * <li>a short transaction claims due rows ({@code FOR UPDATE SKIP LOCKED}), marks them SENDING, counts the attempt
 * and commits — from then on no other sender sees them;</li>
 * <li>each is sent outside any transaction, with a Message-ID derived from the notification, so the same
 * notification always carries the same Message-ID;</li>
 * <li>the outcome is recorded: SENT; or, when the SMTP client reported an error, QUEUED again after an exponential
 * backoff (FAILED with the error after the last attempt).</li>
 * </ol>
 * A notification is therefore sent again only after an attempt whose failure was observed. If a node dies between
 * sending and recording, the row stays SENDING; once its lease expires it is marked FAILED as "outcome unknown"
 * and is not resent automatically (ADMIN may resend it). The one case SMTP leaves open — the server accepted the
 * message but its reply was lost — makes the client report an error and the message is retried: the recipient's
 * mail system can recognise the duplicate by its Message-ID.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final int MAX_ERROR = 1000;

    private final NotificationRepository notifications;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> mail;
    private final SkillsProperties.Mail properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    OutboxSender(NotificationRepository notifications, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail,
            SkillsProperties properties) {
        this.notifications = notifications;
        this.transactions = transactions;
        this.mail = mail;
        this.properties = properties.mail();
    }

    /** Sends what is due soon after a commit that queued something, without making the request wait. */
    void kick() {
        again.set(true);
        if (!running.get()) {
            Thread.ofVirtual().name("outbox-kick").start(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${marsad.skills.mail.poll:5s}", initialDelayString = "${marsad.skills.mail.poll:5s}")
    void poll() {
        again.set(true);
        drain();
    }

    private void drain() {
        do {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                while (again.getAndSet(false)) {
                    expireStaleClaims();
                    int claimed;
                    do {
                        claimed = sendDue();
                    }
                    while (claimed == BATCH);
                }
            }
            catch (RuntimeException e) {
                log.warn("Outbox run stopped: {}", e.getMessage());
            }
            finally {
                running.set(false);
            }
        }
        // A kick that came while this run was ending must not wait for the next poll.
        while (again.get());
    }

    /** Claims and sends one batch of due notifications; returns how many were claimed. */
    int sendDue() {
        List<Notification> claimed = transactions.execute(status -> notifications.claim(BATCH));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        JavaMailSender sender = mail.getIfAvailable();
        for (Notification n : claimed) {
            String error = sender == null ? "no SMTP server configured (spring.mail.host)" : send(sender, n);
            if (error == null) {
                notifications.markSent(n.id());
            }
            else if (n.attempts() >= properties.maxAttempts()) {
                notifications.fail(n.id(), error);
                log.warn("Notification {} failed after {} attempts: {}", n.id(), n.attempts(), error);
            }
            else {
                OffsetDateTime next = OffsetDateTime.now(ZoneOffset.UTC).plus(properties.backoff(n.attempts()));
                notifications.retryLater(n.id(), next, error);
                log.debug("Notification {} attempt {} failed, next at {}: {}", n.id(), n.attempts(), next, error);
            }
        }
        return claimed.size();
    }

    int expireStaleClaims() {
        int expired = notifications.expireClaims(OffsetDateTime.now(ZoneOffset.UTC).minus(properties.lease()),
                "outcome unknown: the sender stopped while sending; not resent automatically to avoid a duplicate");
        if (expired > 0) {
            log.warn("{} notification(s) left in SENDING by a stopped node marked failed (outcome unknown)", expired);
        }
        return expired;
    }

    /** Sends one e-mail; returns null on success, else the error. */
    private String send(JavaMailSender sender, Notification n) {
        try {
            MimeMessage message = new IdentifiedMessage(sender.createMimeMessage(), messageId(n));
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(n.email());
            helper.setSubject(n.subject());
            helper.setText(n.body(), false);
            message.setHeader("Content-Language", n.language());
            sender.send(message);
            return null;
        }
        catch (MailException | MessagingException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        }
    }

    static String messageId(Notification n) {
        return "<notification-" + n.id() + "-" + n.createdAt().toInstant().toEpochMilli() + "@marsad>";
    }

    /** A message whose Message-ID is ours (Jakarta Mail would otherwise make a new one at each send). */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String id;

        IdentifiedMessage(MimeMessage session, String id) {
            super(session.getSession());
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
