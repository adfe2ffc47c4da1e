package dev.flux.shutdown.runtime.drain.longlived;

import java.util.concurrent.CompletionStage;

/**
 * One open long-lived response: a server-sent event stream, a suspended long poll or a WebSocket session. It is not
 * ordinary in-flight work (nothing would ever wait for it to end); DRAINING ends it politely at its start instead.
 */
public interface LongLived {

    /** What it is, for the counts in the readiness data and the report. */
    Kind kind();

    /** Whether it is still open: the application, the client or the runtime may have ended it meanwhile. */
    boolean isOpen();

    /**
     * Ends it politely (a last event and a clean end of stream, a 503, a close frame); never throws.
     *
     * @return completes once the end has been handed to the connection, or failed
     */
    CompletionStage<?> end();

    /** The kinds of long-lived responses, each counted apart. */
    enum Kind {
        SSE_STREAM("sse-streams", "SSE streams"),
        LONG_POLL("long-polls", "long polls"),
        WEBSOCKET("websocket-sessions", "WebSocket sessions");

        private final String key;
        private final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        /** The name of its count in the readiness data: {@code sse-streams}. */
        public String key() {
            return key;
        }

        /** Its name in the report: {@code SSE streams}. */
        public String label() {
            return label;
        }
    }
}
