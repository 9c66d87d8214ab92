package dev.signet.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON value of a Kafka record into its message record, with the application's Jackson mapper (the
 * one {@code ObjectMapperSerializer} writes with on the producing side).
 * <p>
 * Listeners take record values as bytes and parse them here rather than in a Kafka deserializer: a record that
 * doesn't parse then reaches the dead-letter topic byte for byte with the parse error as its reason, whereas a
 * failing deserializer would leave the dead letter's value empty.
 */
@ApplicationScoped
public class JsonRecords {

    private final ObjectMapper json;

    public JsonRecords(ObjectMapper json) {
        this.json = json;
    }

    /** @throws UnreadableRecordException if the value is empty or not a {@code type} */
    public <T> T read(byte[] value, Class<T> type) {
        if (value == null || value.length == 0) {
            throw new UnreadableRecordException("record value is empty, not a " + type.getSimpleName());
        }
        String notValid = "record value is not a valid " + type.getSimpleName() + ": ";
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(notValid + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableRecordException(notValid + e.getMessage(), e);
        }
    }
}
