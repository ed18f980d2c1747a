package com.sikifanso.server;

import com.sikifanso.http.PlainResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A request the AG-UI server turns down before streaming anything: an HTTP status and one line saying why and the fix. */
final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static Refusal badRequest(String message) {
        return new Refusal(400, message);
    }

    int status() {
        return status;
    }

    void send(HttpServletResponse response) throws IOException {
        PlainResponses.send(response, status, getMessage());
    }
}
