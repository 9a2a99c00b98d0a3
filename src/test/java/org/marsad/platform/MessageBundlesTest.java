package org.marsad.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

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
