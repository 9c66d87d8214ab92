package dev.signet.channel.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * A small in-JVM HTTP proxy on 127.0.0.1 that forwards every request to the sandbox unchanged (the {@code Host}
 * header too, as the OAuth signature covers it) and records each request with the answer it got, so that the
 * traffic the real connectors send and the real sandbox serves can be judged against X's OpenAPI spec.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and its answer, as they crossed the wire. */
    record Exchange(String method, String path, String query, MultiMap requestHeaders, String requestBody,
            int status, String responseContentType, String responseBody) {

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
        }
    }

    private final HttpServer server;
    private final HttpClient client;
    private final int targetPort;
    private final List<Exchange> exchanges = new ArrayList<>();

    RecordingProxy(Vertx vertx, int listenPort, int targetPort) throws Exception {
        this.targetPort = targetPort;
        this.client = vertx.createHttpClient();
        this.server = vertx.createHttpServer().requestHandler(this::forward);
        server.listen(listenPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void forward(HttpServerRequest in) {
        in.body().onSuccess(body -> {
            RequestOptions out = new RequestOptions().setMethod(in.method()).setHost("127.0.0.1").setPort(targetPort)
                    .setURI(in.uri());
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            in.headers().forEach(h -> {
                if (!hopByHop(h.getKey())) {
                    headers.add(h.getKey(), h.getValue());
                }
            });
            out.setHeaders(headers);
            client.request(out)
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(answer -> {
                        record(new Exchange(in.method().name(), in.path(), in.query(), headers, body.toString(),
                                response.statusCode(), response.getHeader("content-type"), answer.toString()));
                        in.response().setStatusCode(response.statusCode());
                        response.headers().forEach(h -> {
                            if (!hopByHop(h.getKey())) {
                                in.response().putHeader(h.getKey(), h.getValue());
                            }
                        });
                        return answer;
                    }))
                    .onSuccess(answer -> in.response().end(answer))
                    .onFailure(e -> in.response().setStatusCode(502).end(Buffer.buffer("proxy: " + e)));
        });
    }

    private static boolean hopByHop(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.equals("content-length") || name.equals("transfer-encoding") || name.equals("connection");
    }

    private synchronized void record(Exchange exchange) {
        exchanges.add(exchange);
    }

    /** What crossed the proxy so far, in order, and forgets it. */
    synchronized List<Exchange> takeAll() {
        List<Exchange> all = List.copyOf(exchanges);
        exchanges.clear();
        return all;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client.close();
    }
}
