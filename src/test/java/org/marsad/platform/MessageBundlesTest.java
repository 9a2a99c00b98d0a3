package org.marsad.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text exists in French, Arabic and English: no key may be missing from one language. */
class MessageBundlesTest {

    @Test
    void everyBundleHasTheSameKeysInTheThreeLanguages() throws IOException {
        Resource[] bases = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        int checked = 0;
        for (Resource base : bases) {
            String name = base.getFilename();
            if (name == null || name.matches(".*_[a-z]{2}\\.properties")) {
                continue;
            }
            String stem = name.substring(0, name.length() - ".properties".length());
            Properties fr = load(base);
            for (String language : new String[] {"ar", "en"}) {
                Resource translation = base.createRelative(stem + "_" + language + ".properties");
                assertThat(translation.exists()).as(stem + "_" + language + ".properties").isTrue();
                Properties other = load(translation);
                assertThat(keys(other)).as("keys of " + stem + "_" + language).isEqualTo(keys(fr));
                other.forEach((k, v) -> assertThat(v.toString()).as(stem + "_" + language + ": " + k).isNotBlank());
            }
            fr.forEach((k, v) -> assertThat(v.toString()).as(stem + ": " + k).isNotBlank());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aKeyIsDefinedInOneBundleOnly() throws IOException {
        Resource[] bases = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        Set<String> seen = new TreeSet<>();
        for (Resource base : Arrays.stream(bases).filter(r -> !r.getFilename().matches(".*_[a-z]{2}\\.properties")).toList()) {
            for (String key : keys(load(base))) {
                assertThat(seen.add(key)).as("key " + key + " is defined twice (" + base.getFilename() + ")").isTrue();
            }
        }
    }

    /**
     * The home page and the audit page name every audited change with {@code audit.action.<ACTION>} and
     * {@code audit.entity.<type>}: each action and type a module writes (read from the sources' {@code audit.record(…)}
     * calls) needs those texts, or a raw key reaches the screen as soon as such a record changes.
     */
    @Test
    void everyAuditedKindOfRecordAndActionHasAName() throws IOException {
        Set<String> defined = new TreeSet<>();
        for (Resource base : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
            if (!base.getFilename().matches(".*_[a-z]{2}\\.properties")) {
                defined.addAll(keys(load(base)));
            }
        }
        Pattern record = Pattern.compile("audit\\.record\\(\\s*\"([A-Z_]+)\",\\s*\"([a-z_.]+)\"");
        Set<String> actions = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = record.matcher(Files.readString(file));
                while (m.find()) {
                    actions.add(m.group(1));
                    types.add(m.group(2));
                }
            }
        }
        assertThat(types).as("audited kinds found in the sources").contains("organisation", "initiative", "skills.expert");
        // Actions not written as literals: a mission's transitions and an indicator's value entry.
        Arrays.stream(org.marsad.skills.missions.MissionAction.values()).forEach(a -> actions.add(a.name()));
        actions.addAll(Set.of("VALUE", "CORRECT"));
        for (String type : types) {
            assertThat(defined).as("message for audited kind " + type).contains("audit.entity." + type);
        }
        for (String action : actions) {
            assertThat(defined).as("message for audit action " + action).contains("audit.action." + action);
        }
    }

    private static Properties load(Resource resource) throws IOException {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }
}
