package dev.flux.shutdown.tck.state.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.flux.shutdown.Persistent;

/**
 * A bean whose application uses Jackson itself and marks a field with its own {@code @JsonIgnore}, not the copy
 * relocated into the library's jar.
 */
@ApplicationScoped
@Persistent("session")
public class SessionTally {

    long count;

    @JsonIgnore
    String sessionToken = "secret";

    @JsonIgnore(false)
    String label = "kept";

    public void increment() {
        count++;
    }
}
