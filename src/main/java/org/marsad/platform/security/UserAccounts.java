package org.marsad.platform.security;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.marsad.platform.ConflictException;
import org.marsad.platform.Language;
import org.marsad.platform.MarsadProperties;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.OrganisationDirectory;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: creation and editing by ADMIN, passwords, language preference, and sign-in lookups. */
@Service
public class UserAccounts implements UserDetailsService {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{2,60}$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MIN_PASSWORD = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final MarsadProperties properties;
    private final ObjectProvider<OrganisationDirectory> organisations;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, AuditLog audit, MarsadProperties properties,
            ObjectProvider<OrganisationDirectory> organisations) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.properties = properties;
        this.organisations = organisations;
    }

    @Override
    @Transactional(readOnly = true)
    public MarsadPrincipal loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.trim())
                .map(u -> u.toPrincipal(now()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional(readOnly = true)
    public List<UserAccount.UserView> list() {
        CurrentUser.require(Role.ADMIN);
        return users.findAll().stream().map(UserAccount::view).toList();
    }

    @Transactional(readOnly = true)
    public UserAccount.UserView get(long id) {
        CurrentUser.require(Role.ADMIN);
        return users.findById(id).map(UserAccount::view).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    @Transactional
    public UserAccount.UserView create(NewUser command) {
        CurrentUser.require(Role.ADMIN);
        return createUnchecked(command, "user created");
    }

    /** Creates a user without a role check: for the first admin and demo mode, at start-up only. */
    @Transactional
    UserAccount.UserView createUnchecked(NewUser command, String summary) {
        String username = command.username() == null ? "" : command.username().trim().toLowerCase(Locale.ROOT);
        Validation v = validateProfile(command.displayName(), command.email(), command.roles(), command.organisationId());
        v.required("username", username).matches("username", username, USERNAME, "validation.username");
        validatePassword(v, "password", command.password());
        v.throwIfInvalid();
        if (users.findByUsername(username).isPresent()) {
            throw new ConflictException("username", "validation.duplicate");
        }
        String language = Language.fromCode(command.language()).orElse(Language.FR).code();
        long id = users.insert(username, command.displayName().trim(), blankToNull(command.email()),
                passwordEncoder.encode(command.password()), command.roles(), command.organisationId(), language);
        UserAccount.UserView created = users.findById(id).orElseThrow().view();
        audit.record("CREATE", "user", username, summary, null, created, false);
        return created;
    }

    /**
     * Self-service sign-up: creates an account with the EXPERT role only, no organisation, for anyone (no sign-in
     * needed). Modules that offer a sign-up page call it inside the transaction that creates the rest of the profile.
     */
    @Transactional
    public UserAccount.UserView registerExpert(NewUser command) {
        NewUser expert = new NewUser(command.username(), command.displayName(), command.email(), command.password(),
                EnumSet.of(Role.EXPERT), null, command.language());
        Validation.start().required("email", command.email()).throwIfInvalid();
        return createUnchecked(expert, "expert registered (self-service)");
    }

    /**
     * A user as services need it to address them (e-mail, language), without a role check: for server-side use
     * such as notifications, never to be shown as such to another user.
     */
    @Transactional(readOnly = true)
    public Optional<UserAccount.UserView> find(long id) {
        return users.findById(id).map(UserAccount::view);
    }

    /** The enabled users of an organisation who hold a role, e.g. the INSTITUTION users of a university. */
    @Transactional(readOnly = true)
    public List<UserAccount.UserView> members(long organisationId, Role role) {
        return users.findAll().stream()
                .filter(u -> u.enabled() && organisationId == (u.organisationId() == null ? -1 : u.organisationId())
                        && u.roles().contains(role))
                .map(UserAccount::view).toList();
    }

    /**
     * Erasure of an account at its owner's request (or by ADMIN): name, e-mail and password are removed, the
     * account is disabled, its tokens revoked and its sessions ended, and the audit log keeps that the erasure
     * happened but no longer the personal data (earlier entries about the account are redacted, and entries it
     * made name a pseudonym). Call it in the transaction that erases the rest of the person's data.
     */
    @Transactional
    public void erase(long id) {
        MarsadPrincipal actor = CurrentUser.required();
        if (actor.id() != id && !actor.has(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("only the owner or ADMIN erases an account");
        }
        UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        String pseudonym = "erased-" + id;
        users.erase(id, pseudonym, passwordEncoder.encode(generatePassword()));
        audit.redact("user", user.username(), pseudonym);
        audit.pseudonymiseActor(id, pseudonym);
        boolean owner = actor.id() == id;
        audit.recordAs(owner ? pseudonym : actor.username(), actor.id(), "ERASE", "user", pseudonym,
                owner ? "account erased at the request of its owner" : "account erased by an administrator");
    }

    @Transactional
    public UserAccount.UserView update(long id, UserUpdate command) {
        MarsadPrincipal admin = CurrentUser.require(Role.ADMIN);
        UserAccount before = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        Validation v = validateProfile(command.displayName(), command.email(), command.roles(), command.organisationId());
        if (admin.id() == id && (!command.enabled() || !command.roles().contains(Role.ADMIN))) {
            v.reject("roles", "validation.cannotDemoteSelf");
        }
        v.throwIfInvalid();
        users.update(id, command.displayName().trim(), blankToNull(command.email()), command.roles(),
                command.organisationId(), command.enabled());
        UserAccount.UserView after = users.findById(id).orElseThrow().view();
        audit.record("UPDATE", "user", before.username(), "user updated", before.view(), after, false);
        return after;
    }

    @Transactional
    public void resetPassword(long id, String newPassword) {
        CurrentUser.require(Role.ADMIN);
        UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
        Validation v = Validation.start();
        validatePassword(v, "password", newPassword);
        v.throwIfInvalid();
        users.updatePassword(id, passwordEncoder.encode(newPassword));
        audit.record("UPDATE", "user", user.username(), "password reset by an administrator", null, null, false);
    }

    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        MarsadPrincipal me = CurrentUser.required();
        UserAccount user = users.findById(me.id()).orElseThrow(() -> new NotFoundException("user", me.id()));
        Validation v = Validation.start();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            v.reject("currentPassword", "validation.wrongPassword");
        }
        validatePassword(v, "newPassword", newPassword);
        v.throwIfInvalid();
        users.updatePassword(user.id(), passwordEncoder.encode(newPassword));
        audit.record("UPDATE", "user", user.username(), "password changed", null, null, false);
    }

    @Transactional
    public void setLanguage(long userId, Language language) {
        users.updateLanguage(userId, language.code());
    }

    @Transactional
    void recordFailedLogin(String username) {
        users.findByUsername(username).ifPresent(user -> {
            if (user.lockedAt(now())) {
                return;
            }
            int remaining = users.recordFailure(user.id(), properties.login().maxFailures(),
                    now().plus(properties.login().lockDuration()));
            if (remaining == 0) {
                audit.recordAs(user.username(), user.id(), "LOCK", "user", user.username(),
                        "locked after " + properties.login().maxFailures() + " failed sign-ins");
            }
        });
    }

    @Transactional
    void recordSuccessfulLogin(long userId) {
        users.resetFailures(userId);
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    /** A random password for first start and resets: 20 characters from an unambiguous alphabet. */
    static String generatePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    private Validation validateProfile(String displayName, String email, Set<Role> roles, Long organisationId) {
        Validation v = Validation.start()
                .required("displayName", displayName)
                .maxLength("displayName", displayName, 120)
                .maxLength("email", email, 200)
                .matches("email", email, EMAIL, "validation.email");
        if (roles == null || roles.isEmpty()) {
            v.reject("roles", "validation.required");
        }
        if (organisationId != null && organisations.getIfAvailable() != null
                && organisations.getObject().find(organisationId).isEmpty()) {
            v.reject("organisationId", "validation.unknown");
        }
        if (roles != null && roles.contains(Role.FOCAL_POINT) && organisationId == null) {
            v.reject("organisationId", "validation.focalPointNeedsOrganisation");
        }
        return v;
    }

    private static void validatePassword(Validation v, String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            v.reject(field, "validation.passwordLength", MIN_PASSWORD);
        }
        else if (password.length() > 200) {
            v.reject(field, "validation.maxLength", 200);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public record NewUser(String username, String displayName, String email, String password, Set<Role> roles,
            Long organisationId, String language) {

        public NewUser {
            roles = roles == null ? Set.of() : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
        }
    }

    public record UserUpdate(String displayName, String email, Set<Role> roles, Long organisationId, boolean enabled) {

        public UserUpdate {
            roles = roles == null ? Set.of() : (roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles));
        }
    }
}
