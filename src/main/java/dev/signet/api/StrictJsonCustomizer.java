package dev.signet.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes JSON input mean what it says: a string field takes only a JSON string ({@code {"text":123}} is refused,
 * not published as "123"), and a string may not hold NUL or a lone surrogate. Both are refused as a
 * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}, which {@link ProblemMappers} answers with
 * a 400 problem naming the field. Strings are at most {@value #MAX_STRING_CHARS} chars, and a fraction is not an
 * integer. Request records also carry {@link CleanText} for Bean Validation; this check
 * covers every string of every body, annotated or not.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    /** Longest JSON string taken: ten times the longest DM; nothing Signet stores is longer. */
    static final int MAX_STRING_CHARS = 100_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_CHARS).build());
        // 1.5 or 1e-999999999 is not an id or a count: refused rather than truncated.
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("signet-clean-text").addDeserializer(String.class, new CleanStrings()));
    }

    /** Jackson's own string deserializer (coercion rules included), then the {@link TextRules} check. */
    static final class CleanStrings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && p.hasToken(JsonToken.VALUE_STRING) && TextRules.firstUnclean(value) >= 0) {
                throw InvalidFormatException.from(p,
                        "must be plain text: no NUL character and no lone surrogate", "(unclean text)", String.class);
            }
            return value;
        }
    }
}
