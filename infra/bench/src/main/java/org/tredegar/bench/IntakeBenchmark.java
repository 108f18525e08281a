package org.tredegar.bench;


import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Sustained anonymous intake through the API with the outbox on: every accepted request is a durable commit of the
 * request, its contact, its transition and its event, and the relay publishes the event to Kafka (acks=all).
 */
final class IntakeBenchmark {
    static String run(Platform platform) throws Exception {
        String url = platform.start("requests", Map.of("TREDEGAR_RATE_LIMIT_EXEMPT", "127.0.0.1,0:0:0:0:0:0:0:1,::1"));
        URI base = URI.create(url);
        int callers = Integer.getInteger("bench.intake.callers", 32);
        Duration warmUp = Platform.sustainedWarmUp();
        Duration measure = Platform.seconds("bench.measure", 60);
        // The load generator shares the cores with the service: one kept-alive socket per caller and a hand-written
        // HTTP/1.1 exchange cost far less CPU per call than a general-purpose client.
        PlainHttp[] connections = new PlainHttp[callers];
        for (int c = 0; c < callers; c++) {
            connections[c] = new PlainHttp(base.getHost(), base.getPort());
        }
        Instant measuredFrom = Instant.now().plus(warmUp);
        LoadDriver.Result result = LoadDriver.run(callers, warmUp, measure, (caller, seq) -> {
            double lat = 51.765 + (seq % 100) * 0.0002;
            String body = String.format(Locale.ROOT, "{\"category\":\"groceries\",\"urgency\":\"urgent\","
                    + "\"description\":\"Benchmark request %d\",\"location\":{\"lat\":%.5f,\"lon\":-3.2467},"
                    + "\"contact\":{\"channel\":\"sms\",\"value\":\"+44 7700 9%05d\"},\"language\":\"en\"}", seq, lat, seq % 100000);
            return connections[caller].post("/api/v1/requests", body.getBytes(StandardCharsets.UTF_8)) == 202;
        });
        for (PlainHttp connection : connections) {
            connection.close();
        }
        Instant measuredTo = measuredFrom.plus(measure);
        System.out.println("intake: measured from " + measuredFrom + " to " + measuredTo); // to line up CPU samples
        Thread.sleep(5000); // let the relay drain before reading its figures
        String outbox = outboxFigures(measuredFrom, measuredTo);
        return String.format(Locale.ROOT, """
                ### Request intake (issue 4) and outbox relay (issue 3)

                `POST /api/v1/requests` (anonymous, with an SMS contact sealed with AES-GCM), %d concurrent callers in a
                closed loop (one kept-alive HTTP/1.1 connection each), %d s warm-up, %d s measured. Each call's request,
                contact, first transition and RequestSubmitted outbox row are written by one SQL statement, shared with
                the calls that arrive meanwhile (group commit), in a durable PostgreSQL transaction (fsync on); the relay
                publishes to Kafka with acks=all.

                | figure | value |
                |---|---|
                | accepted requests/s (sustained) | %.0f |
                | latency p50 / p99 / max | %.1f ms / %.1f ms / %.1f ms |
                | calls measured (failures) | %d (%d) |
                %s
                Targets from the issues: ≥ 2,500 req/s with p99 ≤ 50 ms (intake).
                """, callers, warmUp.toSeconds(), measure.toSeconds(), result.perSecond(), result.p50Millis(),
                result.p99Millis(), result.maxMillis(), result.calls(), result.failures(), outbox);
    }

    /**
     * Just enough HTTP/1.1 for the benchmark: POST on a kept-alive socket, read the status, the headers and the
     * body (Content-Length or chunked). Any I/O error drops the socket; the next call opens a new one.
     */
    static final class PlainHttp implements Closeable {
        private final String host;
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        PlainHttp(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /** The answer's status and body (UTF-8); status -1 when the exchange failed. */
        record Response(int status, String body) {
        }

        /** The status code, or -1 when the exchange failed; the body is skipped. */
        int post(String path, byte[] body) {
            return exchange("POST", path, "", body, null).status();
        }

        /**
         * {@code method} with {@code headers} (each ending in CRLF, or empty) and a JSON {@code body} (null: none);
         * the answer's body is kept when {@code keepBody} is given, skipped otherwise.
         */
        Response exchange(String method, String path, String headers, byte[] body, java.io.ByteArrayOutputStream keepBody) {
            try {
                if (socket == null) {
                    socket = new Socket(host, port);
                    socket.setTcpNoDelay(true);
                    out = new BufferedOutputStream(socket.getOutputStream(), 4096);
                    in = new BufferedInputStream(socket.getInputStream(), 4096);
                }
                out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headers
                        + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                        + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                if (keepBody != null) {
                    keepBody.reset();
                }
                this.keep = keepBody;
                int status = readResponse();
                return new Response(status, keepBody == null ? "" : keepBody.toString(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                close();
                return new Response(-1, "");
            }
        }

        private java.io.ByteArrayOutputStream keep;

        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean keepAlive = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    keepAlive = false;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
            } else if (length > 0) {
                skip(length);
            }
            if (!keepAlive) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            if (keep != null) {
                for (long left = bytes; left > 0; left--) {
                    int b = in.read();
                    if (b < 0) {
                        throw new EOFException("connection closed");
                    }
                    keep.write(b);
                }
                return;
            }
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }

    static String outboxFigures(Instant from, Instant to) throws Exception {
        OutboxFigures f = OutboxFigures.of("requests", from, to);
        return String.format(Locale.ROOT, "| outbox events published/s (same window) | %.0f |%n"
                        + "| commit → published to Kafka, p50 / p99 | %.1f ms / %.1f ms |%n"
                        + "| events written / published | %d / %d |%n",
                f.publishedPerSecond(), f.commitToKafkaP50Millis(), f.commitToKafkaP99Millis(), f.written(), f.published());
    }
}
