package org.marsad.skills.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.TestUsers;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.experts.ExpertInput;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.Registration;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outbox against a real SMTP server (GreenMail, on the port the test configuration gives the mail sender):
 * delivery in the recipient's language, an outage and recovery with nothing lost and nothing duplicated, two senders
 * at once, and a send whose outcome is unknown.
 */
@MarsadIntegrationTest
class OutboxDeliveryTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxSender sender;

    @Autowired
    ExpertsApi experts;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    TestUsers users;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = newSmtp();
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private GreenMail newSmtp() {
        return new GreenMail(new ServerSetup(mailSender.getPort(), "localhost", ServerSetup.PROTOCOL_SMTP));
    }

    /** A user (an expert who signed up) with an address and a language; returns their user id and address. */
    private record Recipient(long userId, String email) {
    }

    private Recipient recipient(String language) {
        String username = SkillsFixtures.unique("mail");
        String email = username + "@example.org";
        var profile = fx.anonymously(() -> experts.register(new Registration(username, SkillsFixtures.PASSWORD, email, language,
                List.of("PROFILE"), ExpertInput.minimal("Destinataire", "FR"))));
        return new Recipient(profile.userId(), email);
    }

    private void notify(Recipient to, String key) {
        transactions.executeWithoutResult(s -> notifications.notifyUser(to.userId(), new Notifications.Message(
                "mission.COMPLETE", key, "/skills/missions/1", List.of("Demande d’essai", "Université", 1, ""), null, null)));
    }

    private List<MimeMessage> receivedBy(String email) {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                for (Address a : m.getAllRecipients()) {
                    if (a.toString().equalsIgnoreCase(email)) {
                        mine.add(m);
                    }
                }
            }
            catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return mine;
    }

    private String state(String key) {
        return jdbc.sql("SELECT state FROM skills.notification WHERE idempotency_key = :k").param("k", key)
                .query(String.class).single();
    }

    @Test
    void aNotificationArrivesOnceInTheRecipientsLanguageWithAStableMessageId() throws Exception {
        Recipient to = recipient("ar");
        String key = SkillsFixtures.unique("arrives");
        notify(to, key);
        await().atMost(PATIENCE).until(() -> state(key).equals("SENT"));
        List<MimeMessage> received = receivedBy(to.email());
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().getSubject()).isEqualTo("أُنجزت البعثة: Demande d’essai");
        assertThat(received.getFirst().getMessageID()).startsWith("<notification-").endsWith("@marsad>");
        assertThat(received.getFirst().getHeader("Content-Language")[0]).isEqualTo("ar");
        sender.sendDue();
        assertThat(receivedBy(to.email())).hasSize(1);
    }

    @Test
    void aSecondWriteOfTheSameCauseIsIgnored() {
        Recipient to = recipient("fr");
        String key = SkillsFixtures.unique("twice");
        notify(to, key);
        notify(to, key);
        assertThat(jdbc.sql("SELECT count(*) FROM skills.notification WHERE idempotency_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> state(key).equals("SENT"));
        assertThat(receivedBy(to.email())).hasSize(1);
    }

    @Test
    void duringAnOutageNothingIsLostAndAfterRecoveryNothingIsDuplicated() throws Exception {
        smtp.stop();
        List<Recipient> recipients = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Recipient to = recipient(i % 2 == 0 ? "fr" : "en");
            String key = SkillsFixtures.unique("outage");
            notify(to, key);
            recipients.add(to);
            keys.add(key);
        }
        // Every notification was tried, failed, and waits for a retry with the error visible.
        await().atMost(PATIENCE).until(() -> keys.stream().allMatch(k -> jdbc.sql("""
                SELECT state = 'QUEUED' AND attempts >= 2 AND last_error IS NOT NULL FROM skills.notification
                WHERE idempotency_key = :k
                """).param("k", k).query(Boolean.class).single()));
        mvc.perform(get("/api/v1/skills/notifications?all=true&state=QUEUED&size=200").with(as(users.admin())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].lastError").isNotEmpty());

        smtp = newSmtp();
        smtp.start();
        await().atMost(PATIENCE).until(() -> keys.stream().allMatch(k -> state(k).equals("SENT")));
        for (int round = 0; round < 3; round++) {
            sender.sendDue();
        }
        for (Recipient r : recipients) {
            assertThat(receivedBy(r.email())).as(r.email()).hasSize(1);
        }
    }

    @Test
    void twoSendersAtOnceNeverSendTheSameNotificationTwice() throws Exception {
        smtp.stop();
        Recipient to = recipient("fr");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = SkillsFixtures.unique("race");
            notify(to, key);
            keys.add(key);
        }
        await().atMost(PATIENCE).until(() -> keys.stream().allMatch(k -> !state(k).equals("SENDING")));
        smtp = newSmtp();
        smtp.start();
        jdbc.sql("UPDATE skills.notification SET next_attempt_at = now() WHERE idempotency_key = ANY(:keys) AND state = 'QUEUED'")
                .param("keys", keys.toArray(String[]::new)).update();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 2; t++) {
            pool.submit(() -> {
                go.await();
                while (sender.sendDue() > 0) {
                    Thread.onSpinWait();
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(PATIENCE).until(() -> keys.stream().allMatch(k -> state(k).equals("SENT")));
        assertThat(receivedBy(to.email())).hasSize(40);
        assertThat(receivedBy(to.email()).stream().map(m -> {
            try {
                return m.getMessageID();
            }
            catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(40);
    }

    @Test
    void aSendWhoseOutcomeIsUnknownIsNotResentUntilAnAdministratorDecides() throws Exception {
        smtp.stop();
        Recipient to = recipient("fr");
        String key = SkillsFixtures.unique("unknown");
        notify(to, key);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT attempts >= 1 AND state = 'QUEUED' FROM skills.notification WHERE idempotency_key = :k")
                .param("k", key).query(Boolean.class).single());
        // As if a node had claimed it and died while talking to the SMTP server.
        jdbc.sql("UPDATE skills.notification SET state = 'SENDING', claimed_at = now() - interval '1 hour' WHERE idempotency_key = :k")
                .param("k", key).update();
        smtp = newSmtp();
        smtp.start();
        sender.expireStaleClaims();
        assertThat(state(key)).isEqualTo("FAILED");
        sender.sendDue();
        assertThat(receivedBy(to.email())).isEmpty();

        long id = jdbc.sql("SELECT id FROM skills.notification WHERE idempotency_key = :k").param("k", key).query(Long.class).single();
        var recipientUser = accounts.loadUserByUsername(accounts.find(to.userId()).orElseThrow().username()).withoutPassword();
        mvc.perform(get("/api/v1/skills/notifications").with(as(recipientUser)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].state").value("FAILED"))
                .andExpect(jsonPath("$.items[0].lastError").value(startsWith("outcome unknown")));
        mvc.perform(post("/api/v1/skills/notifications/" + id + "/resend").with(as(recipientUser)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/skills/notifications/" + id + "/resend").with(as(users.admin())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("QUEUED"));
        await().atMost(PATIENCE).until(() -> state(key).equals("SENT"));
        assertThat(receivedBy(to.email())).hasSize(1);
        mvc.perform(post("/api/v1/skills/notifications/" + id + "/resend").with(as(users.admin())))
                .andExpect(status().isConflict());
    }
}
