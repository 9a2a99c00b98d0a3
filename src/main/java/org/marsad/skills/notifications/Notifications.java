package org.marsad.skills.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.marsad.platform.ConflictException;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.UserAccount;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.SkillsProperties;
import org.marsad.skills.experts.ExpertErasing;
import org.marsad.skills.experts.ExportContributor;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notifications: written to the outbox in the transaction of the event that causes them (so an event and its
 * notification commit or roll back together), each with a key that makes a second write of the same cause a no-op,
 * in the recipient's language. The {@link OutboxSender} e-mails them. Recipients read theirs; ADMIN reads all and
 * may resend a failed one.
 */
@Service
public class Notifications implements ExportContributor {

    private final NotificationRepository notifications;
    private final UserAccounts accounts;
    private final MessageSource messages;
    private final OutboxSender sender;
    private final AuditLog audit;
    private final SkillsProperties properties;

    Notifications(NotificationRepository notifications, UserAccounts accounts, MessageSource messages, OutboxSender sender,
            AuditLog audit, SkillsProperties properties) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.messages = messages;
        this.sender = sender;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * What to tell someone: the template {@code skills.mail.<kind>.subject/body}, its arguments (a
     * {@link LocalizedText} argument is shown in the recipient's language), the page it is about, the key that
     * identifies its cause, and the mission or demand it concerns.
     */
    public record Message(String kind, String key, String link, List<Object> args, Long missionId, Long demandId) {
    }

    /** Writes a notification for a user in the current transaction; returns false if its cause was already notified. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notifyUser(long userId, Message message) {
        Optional<UserAccount.UserView> user = accounts.find(userId);
        if (user.isEmpty()) {
            return false;
        }
        Locale locale = Language.fromCode(user.get().language()).orElse(Language.FR).locale();
        Object[] args = message.args().stream()
                .map(a -> a instanceof LocalizedText t ? t.get(locale) : String.valueOf(a)).toArray();
        String subject = messages.getMessage("skills.mail." + message.kind() + ".subject", args, locale);
        String link = message.link() == null ? null : properties.publicUrl() + message.link();
        String body = messages.getMessage("skills.mail." + message.kind() + ".body", args, locale)
                + (link == null ? "" : "\n\n" + link) + "\n\n" + messages.getMessage("skills.mail.signature", null, locale);
        String email = user.get().enabled() ? user.get().email() : null;
        boolean inserted = notifications.insert(userId, email, Language.of(locale).code(), message.kind(), subject, body,
                message.link(), message.key(), email == null ? NotificationState.NO_EMAIL : NotificationState.QUEUED,
                message.missionId(), message.demandId());
        if (inserted && email != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.kick();
                }
            });
        }
        return inserted;
    }

    @Transactional(readOnly = true)
    public PageResult<Notification> mine(PageQuery page) {
        MarsadPrincipal me = CurrentUser.required();
        return new PageResult<>(notifications.list(me.id(), null, page.size(), page.offset()), page.page(), page.size(),
                notifications.count(me.id(), null));
    }

    @Transactional(readOnly = true)
    public long unread() {
        return CurrentUser.get().map(me -> notifications.unread(me.id())).orElse(0L);
    }

    /** Every notification, optionally in one state: for ADMIN, who watches what did not arrive. */
    @Transactional(readOnly = true)
    public PageResult<Notification> all(NotificationState state, PageQuery page) {
        CurrentUser.require(Role.ADMIN);
        return new PageResult<>(notifications.list(null, state, page.size(), page.offset()), page.page(), page.size(),
                notifications.count(null, state));
    }

    @Transactional(readOnly = true)
    public Notification get(long id) {
        MarsadPrincipal me = CurrentUser.required();
        Notification n = notifications.find(id).orElseThrow(() -> new NotFoundException("notification", id));
        if (!me.has(Role.ADMIN) && (n.recipientId() == null || n.recipientId() != me.id())) {
            throw new NotFoundException("notification", id);
        }
        return n;
    }

    @Transactional
    public Notification markRead(long id) {
        MarsadPrincipal me = CurrentUser.required();
        if (!notifications.markRead(id, me.id())) {
            throw new NotFoundException("notification", id);
        }
        return notifications.find(id).orElseThrow();
    }

    /** ADMIN sends a failed notification again, deliberately (e.g. after checking that its first send did not arrive). */
    @Transactional
    public Notification resend(long id) {
        CurrentUser.require(Role.ADMIN);
        Notification before = notifications.find(id).orElseThrow(() -> new NotFoundException("notification", id));
        if (!notifications.requeue(id)) {
            throw new ConflictException("state", "skills.notifications.onlyFailedResend");
        }
        Notification after = notifications.find(id).orElseThrow();
        audit.record("RESEND", "skills.notification", Long.toString(id), "failed notification queued again",
                stateOnly(before), stateOnly(after), false);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.kick();
            }
        });
        return after;
    }

    private static Map<String, Object> stateOnly(Notification n) {
        return Map.of("state", n.state(), "attempts", n.attempts());
    }

    @EventListener
    void onErasure(ExpertErasing erasing) {
        if (erasing.userId() != null) {
            notifications.deleteForRecipient(erasing.userId());
        }
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(long expertId, Long userId) {
        if (userId == null) {
            return List.of();
        }
        List<Notification> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<Notification> batch = notifications.list(userId, null, PageQuery.MAX_SIZE, page * PageQuery.MAX_SIZE);
            all.addAll(batch);
            if (batch.size() < PageQuery.MAX_SIZE) {
                return all;
            }
        }
    }
}
