package org.civicgrid.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's REST API as a client sees it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private volatile String authorization;
    private final SecondFactors secondFactors;
    /** For an administrator's session: the credentials that open a new one when it has ended. */
    private final String user;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(int port, SecondFactors secondFactors) {
        this("http://127.0.0.1:" + port + "/api", null, secondFactors);
    }

    private Api(String base, String authorization, SecondFactors secondFactors) {
        this(base, authorization, secondFactors, null, null);
    }

    private Api(String base, String authorization, SecondFactors secondFactors, String user, String password) {
        this.base = base;
        this.authorization = authorization;
        this.secondFactors = secondFactors;
        this.user = user;
        this.password = password;
    }

    /**
     * The same API, signed in as a user: with HTTP Basic, or, for an administrator whose second factor key the test
     * has seen, with a session opened by the password and a code (kept for later calls while it lasts). When the
     * session cannot be opened (a wrong password, a locked account) the requests go with HTTP Basic and are
     * refused as such. When such a session ends (idle on a moved platform clock, say), the next request that is
     * refused signs in again once, as the administrator would.
     */
    Api as(String user, String password) {
        Api basic = basic(user, password);
        if (secondFactors.key(user).isEmpty()) {
            return basic;
        }
        String kept = secondFactors.session(user, password).orElse(null);
        if (kept != null && bearer(kept).status("/me") == 200) {
            return new Api(base, "Bearer " + kept, secondFactors, user, password);
        }
        String token = basic.administratorSession(user, password);
        return token == null ? basic : new Api(base, "Bearer " + token, secondFactors, user, password);
    }

    /** Opens an administrator's session with a fresh code; null when it does not open. */
    private String administratorSession(String user, String password) {
        Reply opened = openSession(secondFactors.freshCode(user));
        if (opened.status() != 201) {
            return null;
        }
        String token = opened.json().path("token").asText();
        secondFactors.keepSession(user, password, token);
        return token;
    }

    /** The same API with HTTP Basic credentials, whatever the user's roles. */
    Api basic(String user, String password) {
        String token = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token, secondFactors);
    }

    /** {@code POST /session} with this API's credentials and, unless null, a second factor code. */
    Reply openSession(String code) {
        return post("/session", code == null ? "" : "{\"code\":\"" + code + "\"}");
    }

    /** The same API, signed in with a session's token. */
    Api bearer(String token) {
        return new Api(base, "Bearer " + token, secondFactors);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Reply upload(String path, String contentType, byte[] content) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    byte[] download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GET that reports a connection failure as status 0 instead of throwing, for polling. */
    int status(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private Reply send(HttpRequest.Builder request) {
        Reply reply = sendOnce(request);
        if (reply.status() == 401 && user != null) {
            String token = basic(user, password).administratorSession(user, password);
            if (token != null) {
                authorization = "Bearer " + token;
                reply = sendOnce(request);
            }
        }
        return reply;
    }

    private Reply sendOnce(HttpRequest.Builder request) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new AssertionError("HTTP request to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Reply(int status, String contentType, String location, String body,
                 java.util.Map<String, java.util.List<String>> headers) {

        /** The first value of a response header (names are case-insensitive), or {@code null}. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }
    }
}
