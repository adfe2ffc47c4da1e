package dev.flux.shutdown.internal.drain.longlived;

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
        SSE_STREAM("sse-streams", "SSE stream"),
        LONG_POLL("long-polls", "long poll"),
        WEBSOCKET("websocket-sessions", "WebSocket session");

        private final String key;
        private final String singular;

        Kind(String key, String singular) {
            this.key = key;
            this.singular = singular;
        }

        /** The name of its count in the readiness data: {@code sse-streams}. */
        public String key() {
            return key;
        }

        /** {@code count} of this kind in the report: {@code 1 SSE stream}, {@code 2 SSE streams}. */
        public String count(int count) {
            return count + " " + singular + (count == 1 ? "" : "s");
        }
    }
}
