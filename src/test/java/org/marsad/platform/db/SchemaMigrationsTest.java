package org.marsad.platform.db;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationsTest {

    @Test
    void everyMigrationFolderBelongsToAListedModule() throws IOException {
        Set<String> folders = new TreeSet<>();
        Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql"))
                .forEach(r -> {
                    String path = r.getDescription();
                    String[] parts = path.replace('\\', '/').split("/");
                    folders.add(parts[parts.length - 2]);
                });
        assertThat(folders).isNotEmpty();
        assertThat(SchemaMigrations.MODULES).containsAll(folders);
    }
}
