package org.tredegar.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The platform's side, for the tests: a real HTTP server (the JDK's) on a free port, taking the sandbox's webhooks
 * as the platform would and recording them exactly as they arrived. {@code /inbound} answers the TwiML set in
 * {@link #reply}; {@code /broken} always answers 503; {@code /status} answers 204. The sandbox is pointed at it by
 * configuration: every number delivers to /inbound, except {@link #BROKEN_NUMBER}, which has its own URL.
 */
public class PlatformStub implements QuarkusTestResourceLifecycleManager {
    /** A hub number whose own inbound URL ({@code sandbox.numbers."<number>".inbound-url}) is the failing one. */
    public static final String BROKEN_NUMBER = "+447700900300";

    private HttpServer server;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private volatile String reply = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("the platform stub could not listen", e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("sandbox.inbound-url", url("/inbound"),
                "sandbox.numbers.\"" + BROKEN_NUMBER + "\".inbound-url", url("/broken"));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, PlatformStub.class));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void reply(String twiml) {
        this.reply = twiml;
    }

    public List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(path, url(path), exchange.getRequestHeaders().getFirst("X-Twilio-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), decode(body)));
        switch (path) {
            case "/inbound" -> answer(exchange, 200, "application/xml", reply);
            case "/broken" -> answer(exchange, 503, "text/plain", "not now");
            default -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /** One webhook call as it arrived: the URL it was made to, its signature header and its decoded form. */
    public record Call(String path, String url, String signature, String contentType, Map<String, String> form) {
    }
}
