package com.sikifanso.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written HTTP/1.1 requests on a socket, so the Host and Origin headers are exactly what a test (or a page
 * under DNS rebinding) sends; the answer is read to its end ({@code Connection: close}).
 */
final class Requests {
    record Answer(int status, String head, String body) {
    }

    private Requests() {
    }

    /** {@code headers} as name, value, ...; a token of null sends no Authorization. */
    static Answer send(int port, String method, String path, String token, String body, String... headers)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        boolean host = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            host |= headers[i].equalsIgnoreCase("Host");
        }
        if (!host) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : answer.substring(split + 4));
        }
    }

    /** An AG-UI RunAgentInput whose last message calls {@code operation} with {@code argumentsJson}. */
    static String run(String runId, String operation, String argumentsJson, String forwardedProps) {
        String args = com.sikifanso.agui.AguiJson.MAPPER.valueToTree(argumentsJson).toString();
        return "{\"threadId\":\"t\",\"runId\":\"" + runId + "\",\"state\":{},\"tools\":[],\"context\":[],"
                + "\"forwardedProps\":" + (forwardedProps == null ? "{}" : forwardedProps) + ",\"messages\":["
                + "{\"id\":\"u1\",\"role\":\"user\",\"content\":\"please\"},"
                + "{\"id\":\"a1\",\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"call-1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"" + operation + "\",\"arguments\":" + args + "}}]}]}";
    }
}
