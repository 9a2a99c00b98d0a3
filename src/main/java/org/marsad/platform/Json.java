package org.marsad.platform;

import java.sql.SQLException;

import org.postgresql.util.PGobject;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Converts values to and from PostgreSQL {@code jsonb} with the application's JSON mapper. */
@Component
public class Json {

    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public PGobject jsonb(Object value) {
        if (value == null) {
            return null;
        }
        try {
            PGobject object = new PGobject();
            object.setType("jsonb");
            object.setValue(value instanceof String s ? s : mapper.writeValueAsString(value));
            return object;
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public <T> T read(String json, Class<T> type) {
        return json == null ? null : mapper.readValue(json, type);
    }

    public LocalizedText text(String json) {
        return json == null ? new LocalizedText(null, null, null) : mapper.readValue(json, LocalizedText.class);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
