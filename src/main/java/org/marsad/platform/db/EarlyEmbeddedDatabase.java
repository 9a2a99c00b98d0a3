package org.marsad.platform.db;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.marsad.platform.MarsadProperties;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL as soon as the configuration is known, on a thread of its own, while Spring
 * creates the application's beans (on a first start, {@code initdb} alone takes seconds); the data source then
 * waits for it. Registered in {@code META-INF/spring.factories}, so every start goes this way; a context started
 * otherwise starts the database when the data source needs it.
 *
 * <p>The data directory is read once here and written back into the environment, so that a value that changes
 * at each reading (a test's {@code ${random.uuid}}) names the same directory for everyone.
 */
public class EarlyEmbeddedDatabase implements ApplicationListener<SpringApplicationEvent> {

    private Starting starting;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationContextInitializedEvent initialized) {
            ConfigurableEnvironment environment = initialized.getApplicationContext().getEnvironment();
            if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                return;
            }
            MarsadProperties properties = Binder.get(environment).bindOrCreate("marsad", MarsadProperties.class);
            environment.getPropertySources().addFirst(new MapPropertySource("marsadDataDirectory",
                    Map.of("marsad.data-dir", properties.dataDir().toString())));
            starting = new Starting(properties);
            initialized.getApplicationContext().getBeanFactory().registerSingleton("earlyEmbeddedDatabase", starting);
        }
        else if (event instanceof ApplicationFailedEvent && starting != null) {
            starting.abandon();
        }
    }

    /** The database being started; the data source's configuration claims it. */
    static final class Starting {

        private final CompletableFuture<DatabaseConfiguration.EmbeddedDatabase> database = new CompletableFuture<>();
        private volatile boolean claimed;

        Starting(MarsadProperties properties) {
            Thread thread = new Thread(() -> {
                try {
                    database.complete(DatabaseConfiguration.EmbeddedDatabase.start(properties.dataDir(),
                            properties.embedded().ephemeral()));
                }
                catch (Throwable e) {
                    database.completeExceptionally(e);
                }
            }, "marsad-embedded-postgres");
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the database; a failure to start is thrown as it was thrown on the other thread. */
        DatabaseConfiguration.EmbeddedDatabase claim() {
            claimed = true;
            try {
                return database.join();
            }
            catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        /** The application failed before its data source took the database: stop it, so no server outlives us. */
        void abandon() {
            if (!claimed) {
                database.thenAccept(db -> {
                    try {
                        db.destroy();
                    }
                    catch (Exception e) {
                        // Nothing more to do: the next start stops a server left running on its data directory.
                    }
                });
            }
        }
    }
}
