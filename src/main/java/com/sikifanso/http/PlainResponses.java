package com.sikifanso.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A refusal as one line of plain text. Not {@code sendError}: Jetty's error page repeats the request
 * URL, and a token put in a query string would be reflected.
 */
public final class PlainResponses {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = com.sikifanso.core.Mappers.JSON.copy()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    private PlainResponses() {
    }

    public static void send(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A JSON body (a JSON-RPC message or a batch's answers) with {@code status}. */
    public static void json(HttpServletResponse response, int status, Object message) throws IOException {
        byte[] json = JSON.writeValueAsBytes(message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }

    /** A client-supplied value fit to quote in a refusal: printable ASCII, at most 40 characters. */
    public static String printable(String value) {
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return "\"" + (clean.length() > 40 ? clean.substring(0, 40) + "..." : clean) + "\"";
    }
}
