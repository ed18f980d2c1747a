package com.sikifanso.dashboard;

/** Text made safe for HTML element content and quoted attribute values. */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        String text = String.valueOf(value == null ? "" : value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A block of an operation's text rendering, as the CLI prints it. */
    static String pre(String text) {
        return "<pre class=\"text\">" + esc(text.stripTrailing()) + "</pre>";
    }

    /** A refusal or failure, with its fix, where the data would have been. */
    static String error(String message) {
        return "<p class=\"error\" role=\"alert\">" + esc(message) + "</p>";
    }
}
