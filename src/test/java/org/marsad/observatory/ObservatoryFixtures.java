package org.marsad.observatory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Fresh datasets for tests (each test its own code, so tests never share data) and a data steward to feed them. */
@Component
public class ObservatoryFixtures {

    private final ObservatoryApi observatory;
    private final TestUsers users;
    private MarsadPrincipal steward;

    ObservatoryFixtures(ObservatoryApi observatory, TestUsers users) {
        this.observatory = observatory;
        this.users = users;
    }

    public synchronized MarsadPrincipal steward() {
        if (steward == null) {
            steward = users.create(Role.DATA_STEWARD, "MA-HCP");
        }
        return steward;
    }

    private String token;

    /** A bearer token of the steward, for API clients. */
    public synchronized String token() {
        if (token == null) {
            token = users.token(steward());
        }
        return token;
    }

    public static String freshCode(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A published dataset with dimensions REF_AREA (countries and regions, total _T) and SEX, counted in persons. */
    public String areaBySex() {
        String code = freshCode("T");
        as(steward(), () -> observatory.createDataset(new NewDataset(code, LocalizedText.of("Test", null, "Test"), null,
                List.of("EMIGRATION"), LocalizedText.french("Effectif"), "PS", true,
                List.of(new NewDataset.NewDimension("REF_AREA", null, "CL_AREA", "_T"),
                        new NewDataset.NewDimension("SEX", null, "CL_SEX", "_T")), true)));
        return code;
    }

    /** A published dataset shaped like MRE_STOCK (one dimension, REF_AREA). */
    public String likeMreStock() {
        String code = freshCode("RT");
        as(steward(), () -> observatory.createDataset(new NewDataset(code, LocalizedText.of("Copie", null, "Copy"), null,
                List.of("DIASPORA"), LocalizedText.french("Effectif"), "PS", false,
                List.of(new NewDataset.NewDimension("REF_AREA", null, "CL_AREA", "_T")), true)));
        return code;
    }

    public ImportJob importCsv(String dataset, String csv, ImportMode mode, String source) {
        return importBytes(dataset, csv.getBytes(StandardCharsets.UTF_8), "test.csv", mode, source);
    }

    public ImportJob importBytes(String dataset, byte[] content, String name, ImportMode mode, String source) {
        return as(steward(), () -> observatory.startImport(dataset, new ByteArrayInputStream(content), name, "text/csv", mode,
                source, true));
    }

    public <T> T as(MarsadPrincipal user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
