package com.sikifanso.cli;

import com.sikifanso.core.GoDurations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as Go and kubectl write them: 90s, 5m, 1h30m, 500ms. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return GoDurations.parse(value).orElseThrow(() -> new TypeConversionException("'" + value
                + "' is not a duration; write it like 30s, 5m or 1h30m"));
    }
}
