package com.sikifanso.cli;

import com.sikifanso.core.GoDurations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as Go and kubectl write them: 90s, 5m, 1h30m, 500ms; at most a year, so deadlines cannot overflow. */
public final class DurationConverter implements ITypeConverter<Duration> {
    static final Duration MAX = Duration.ofHours(24 * 366);

    @Override
    public Duration convert(String value) {
        Duration d = GoDurations.parse(value).orElseThrow(() -> new TypeConversionException("'" + value
                + "' is not a duration; write it like 30s, 5m or 1h30m"));
        if (d.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than a year (" + MAX.toHours()
                    + "h); give a shorter duration, like 30s, 5m or 1h30m");
        }
        return d;
    }
}
