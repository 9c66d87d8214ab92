package dev.signet.channel.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * X's published OpenAPI description of API v2 as the judge of an {@link RecordingProxy.Exchange}. The spec is not
 * copied into the repository: it is read from {@code ../shared/x-openapi/} beside the project, where CI lays it.
 */
final class XContract {

    /** Where the spec lies, relative to the project directory (the tests' working directory). */
    static final Path SPEC = Path.of("..", "shared", "x-openapi", "x-api-v2.openapi.json");

    private final OpenApiInteractionValidator validator;
    private final String sandboxPrefix;

    private XContract(OpenApiInteractionValidator validator, String sandboxPrefix) {
        this.validator = validator;
        this.sandboxPrefix = sandboxPrefix;
    }

    /**
     * The validator for X's spec; {@code sandboxPrefix} is what the sandbox serves X's paths under (e.g.
     * {@code /sandbox/x}, so that {@code /sandbox/x/2/tweets} is X's {@code /2/tweets}).
     */
    static XContract load(String sandboxPrefix) {
        Path spec = SPEC.toAbsolutePath().normalize();
        if (!Files.isRegularFile(spec)) {
            fail("X's OpenAPI spec is missing at " + spec + ": the contract tests need ../shared/x-openapi/"
                    + "x-api-v2.openapi.json beside the project directory (see docs/features/x-contract.md)");
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(spec.toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        // OAuth 1.0a (the spec's UserToken, an http scheme "OAuth") is checked by the sandbox
                        // itself, signature and all; the validator only knows basic and bearer http schemes.
                        .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        return new XContract(validator, sandboxPrefix);
    }

    /** The spec's findings on one exchange, each naming it; empty when request and response both validate. */
    List<String> findings(RecordingProxy.Exchange exchange) {
        String path = exchange.path().startsWith(sandboxPrefix)
                ? exchange.path().substring(sandboxPrefix.length()) : exchange.path();
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()), path);
        exchange.requestHeaders().forEach(h -> request.withHeader(h.getKey(), h.getValue()));
        if (exchange.query() != null && !exchange.query().isEmpty()) {
            for (String pair : exchange.query().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        if (!exchange.requestBody().isEmpty()) {
            request.withBody(exchange.requestBody());
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.responseContentType() != null) {
            response.withContentType(exchange.responseContentType());
        }
        response.withBody(exchange.responseBody());
        ValidationReport report = validator.validate(request.build(), response.build());
        List<String> findings = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                findings.add(exchange + ": [" + message.getKey() + "] " + message.getMessage());
            }
        }
        return findings;
    }
}
