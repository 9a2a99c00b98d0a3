package org.marsad.skills.networks;

import java.util.List;

import org.marsad.platform.ConflictException;
import org.marsad.platform.Language;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.skills.FreeText;
import org.marsad.skills.experts.ExpertContact;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.notifications.Notifications;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Networks of experts: anyone reads the list; an expert joins and leaves; ADMIN and COORDINATOR send announcements
 * to the members, through the outbox, to those who consented to receive them.
 */
@Service
public class NetworksApi {

    private final NetworkRepository networks;
    private final ExpertsApi experts;
    private final Notifications notifications;
    private final AuditLog audit;

    NetworksApi(NetworkRepository networks, ExpertsApi experts, Notifications notifications, AuditLog audit) {
        this.networks = networks;
        this.experts = experts;
        this.notifications = notifications;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Network> list() {
        return networks.all(me());
    }

    @Transactional(readOnly = true)
    public Network get(String code) {
        return networks.find(code, me()).orElseThrow(() -> new NotFoundException("network", code));
    }

    @Transactional
    public Network join(String code) {
        long expert = requireExpert();
        Network network = get(code);
        if (!networks.join(network.id(), expert)) {
            throw new ConflictException("code", "skills.networks.alreadyMember");
        }
        audit.record("JOIN", "skills.network", code, "expert " + expert + " joined", null, null, false);
        return get(code);
    }

    @Transactional
    public Network leave(String code) {
        long expert = requireExpert();
        Network network = get(code);
        if (!networks.leave(network.id(), expert)) {
            throw new ConflictException("code", "skills.networks.notMember");
        }
        audit.record("LEAVE", "skills.network", code, "expert " + expert + " left", null, null, false);
        return get(code);
    }

    /** Announces to the network's members; returns the announcement with the number of people notified. */
    @Transactional
    public Announcement announce(String code, String title, String body) {
        MarsadPrincipal me = CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        Network network = get(code);
        String t = FreeText.clean(title);
        String b = FreeText.clean(body);
        Validation v = Validation.start().required("title", t).required("body", b);
        FreeText.check(v, "title", t, 200);
        FreeText.check(v, "body", b, 5000);
        v.throwIfInvalid();
        String language = Language.of(LocaleContextHolder.getLocale()).code();
        long id = networks.insertAnnouncement(network.id(), me.id(), language, t, b, 0);
        int recipients = 0;
        for (long expertId : networks.activeMembers(network.id())) {
            ExpertContact contact = experts.contact(expertId).orElse(null);
            if (contact == null || contact.userId() == null || !contact.networksConsent()) {
                continue;
            }
            if (notifications.notifyUser(contact.userId(), new Notifications.Message("announcement",
                    "announcement:" + id + ":" + contact.userId(), "/skills/networks/" + code,
                    List.of(network.name(), t, b), null, null))) {
                recipients++;
            }
        }
        networks.setRecipients(id, recipients);
        audit.record("ANNOUNCE", "skills.network", code, t + " (" + recipients + " recipients)", null, null, false);
        return networks.announcements(network.id(), 1).getFirst();
    }

    /** Announcements of a network: for its members, ADMIN and COORDINATOR. */
    @Transactional(readOnly = true)
    public List<Announcement> announcements(String code) {
        Network network = get(code);
        if (!network.member() && !CurrentUser.has(Role.ADMIN, Role.COORDINATOR)) {
            return List.of();
        }
        return networks.announcements(network.id(), 50);
    }

    /** Seed loading only. */
    void seed(String code, Network.Kind kind, String country, org.marsad.platform.LocalizedText name,
            org.marsad.platform.LocalizedText description, List<org.marsad.platform.SourceCitation> sources) {
        networks.upsert(code, kind, country, name, description, sources);
    }

    private long requireExpert() {
        CurrentUser.require(Role.EXPERT);
        return experts.myId().orElseThrow(() -> new ConflictException("code", "skills.experts.noProfile"));
    }

    private long me() {
        return CurrentUser.get().isPresent() ? experts.myId().orElse(-1L) : -1L;
    }
}
