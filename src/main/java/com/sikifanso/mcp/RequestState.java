package com.sikifanso.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sikifanso.core.Mappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code requestState} of an {@code input_required} result: an expiry and an HMAC over the tool and its
 * exact arguments, under a key this process made. A confirmation is only taken on a retry that carries state
 * this server minted for the same call in the last ten minutes, so a client cannot send a "yes" ahead of the
 * question, nor carry one over to other arguments (MRTR: state that influences business logic must be
 * integrity-protected and bound to the originating request).
 */
final class RequestState {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL = Mappers.JSON.copy()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .disable(SerializationFeature.INDENT_OUTPUT);

    private final byte[] key = new byte[32];
    private final Clock clock;

    RequestState(Clock clock) {
        new SecureRandom().nextBytes(key);
        this.clock = clock;
    }

    String mint(String tool, JsonNode arguments) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return expires + "." + mac(tool, arguments, expires);
    }

    /** Whether {@code state} was minted here for this tool and these arguments, and has not expired. */
    boolean verify(String state, String tool, JsonNode arguments) {
        int dot = state.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(state.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.instant().getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(mac(tool, arguments, expires).getBytes(StandardCharsets.US_ASCII),
                state.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String tool, JsonNode arguments, long expires) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            String canonical = CANONICAL.writeValueAsString(arguments == null || arguments.isNull() ? Map.of()
                    : CANONICAL.convertValue(arguments, Object.class));
            byte[] digest = hmac.doFinal((tool + "\n" + expires + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign request state", e);
        }
    }
}
