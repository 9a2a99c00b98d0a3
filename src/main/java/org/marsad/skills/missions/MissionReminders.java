package org.marsad.skills.missions;

import java.time.OffsetDateTime;

import org.marsad.skills.SkillsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks for missions whose step has waited longer than {@code marsad.skills.reminder-after} and reminds whoever must
 * act, through the outbox. One node at a time runs it (a transaction-scoped advisory lock); reminders have keys, so
 * even two runs would not remind twice.
 */
@Component
class MissionReminders {

    private static final Logger log = LoggerFactory.getLogger(MissionReminders.class);
    private static final long LOCK = 0x534b494c4c52454dL;

    private final MissionsApi missions;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final SkillsProperties properties;

    MissionReminders(MissionsApi missions, TransactionTemplate transactions, JdbcClient jdbc, SkillsProperties properties) {
        this.missions = missions;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${marsad.skills.reminder-poll:15m}", initialDelayString = "${marsad.skills.reminder-poll:15m}")
    void run() {
        Integer written = transactions.execute(status -> {
            boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single();
            return mine ? missions.remindStalled(OffsetDateTime.now().minus(properties.reminderAfter())) : 0;
        });
        if (written != null && written > 0) {
            log.info("{} reminder(s) for stalled missions written to the outbox", written);
        }
    }
}
