package com.sikifanso.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that asks {@link LogRouter} on every call, so a later configuration applies. */
final class RoutedLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    RoutedLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return LogRouter.enabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogRouter.enabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogRouter.enabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogRouter.enabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogRouter.enabled(name, Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        LogRouter.write(name, level, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
    }
}
