package com.sikifanso.credentials;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fills a declared value's placeholders with fresh random values: {@code {password}} is 32
 * letters and digits (~190 bits, safe inside URLs and connection strings), {@code {hex}} is 64 hex
 * digits (256 bits, the form Langfuse's encryption key needs).
 */
final class CredentialValues {
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int PASSWORD_LENGTH = 32;
    private static final int HEX_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    String fill(String template) {
        String value = template;
        while (value.contains("{password}")) {
            value = value.replaceFirst("\\{password}", password());
        }
        while (value.contains("{hex}")) {
            value = value.replaceFirst("\\{hex}", hex());
        }
        return value;
    }

    private String password() {
        StringBuilder s = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    private String hex() {
        byte[] bytes = new byte[HEX_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
