package com.sikifanso.agents;

import com.sikifanso.core.SikifansoException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an agent serves its AG-UI stream, as it declares it on a Service or a Pod in its namespace with the
 * annotation {@value #ANNOTATION}{@code : "<port>/<path>"}, and how the API server's proxy reaches it.
 *
 * @param kind {@code services} or {@code pods}, as the API's paths name them
 * @param path without a leading slash; may be empty (the root)
 */
public record AguiEndpoint(String kind, String namespace, String name, int port, String path) {
    public static final String ANNOTATION = "sikifanso.io/agui";
    public static final String FORM = "\"<port>/<path>\", e.g. \"8000/agui\"";
    /** Plain path segments only: a {@code ..} or an escape could lead the proxy path out to another API object. */
    private static final Pattern VALUE = Pattern.compile("(\\d{1,5})/([A-Za-z0-9._~/-]*)");

    /** Reads the annotation's value on {@code kind/name}; a value not of the form is refused, naming the form. */
    public static AguiEndpoint parse(String kind, String namespace, String name, String value) {
        Matcher m = VALUE.matcher(value.strip());
        int port = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (port < 1 || port > 65535 || m.group(2).matches("(.*/)?\\.{1,2}(/.*)?")) {
            String owner = (kind.equals("services") ? "Service " : "Pod ") + namespace + "/" + name;
            throw SikifansoException.failure(owner + " has " + ANNOTATION + ": \"" + value
                            + "\", which is not a port and a path",
                    "annotate it as " + ANNOTATION + ": " + FORM + " (port 1-65535, then the path of a GET that"
                            + " answers text/event-stream: letters, digits and - . _ ~ /, no . or .. segment)");
        }
        return new AguiEndpoint(kind, namespace, name, port, m.group(2).replaceFirst("^/+", ""));
    }

    /** The API server's proxy path to the endpoint, e.g. {@code /api/v1/namespaces/NS/services/SVC:PORT/proxy/PATH}. */
    public String proxyPath() {
        return "/api/v1/namespaces/" + namespace + "/" + kind + "/" + name + ":" + port + "/proxy/" + path;
    }

    /** In words, for notices: {@code Service agent-bob/bot port 8000 /agui}. */
    public String describe() {
        return (kind.equals("services") ? "Service " : "Pod ") + namespace + "/" + name + " port " + port + " /" + path;
    }
}
