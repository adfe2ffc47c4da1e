package dev.flux.shutdown.internal.state;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns exceptions into the short, one-line reasons that the state log lines and the report show. */
public final class Problems {

    private Problems() {
    }

    public static String describe(Throwable e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        String firstLine = message.lines().findFirst().orElse(message).trim();
        return type + ": " + firstLine;
    }
}
