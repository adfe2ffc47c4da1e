package dev.flux.shutdown.tck.deployment;

import jakarta.json.JsonObject;

import io.smallrye.health.SmallRyeHealth;

import dev.flux.shutdown.internal.health.ShutdownReadinessCheck;

/**
 * What the readiness endpoint answered at one instant: its overall status, and the status and {@code phase} data of
 * the flux-shutdown check in it.
 *
 * @param status      the endpoint's overall status, {@code UP} or {@code DOWN}
 * @param checkStatus the status of the flux-shutdown check, or {@code null} if it was missing
 * @param phase       the check's {@code phase} data, or {@code null} if it was missing
 */
public record ReadinessSnapshot(String status, String checkStatus, String phase) {

    public static ReadinessSnapshot of(SmallRyeHealth health) {
        JsonObject payload = health.getPayload();
        JsonObject check = payload.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> ShutdownReadinessCheck.NAME.equals(c.getString("name")))
                .findFirst().orElse(null);
        if (check == null) {
            return new ReadinessSnapshot(payload.getString("status"), null, null);
        }
        JsonObject data = check.getJsonObject("data");
        return new ReadinessSnapshot(payload.getString("status"), check.getString("status"),
                data == null ? null : data.getString("phase", null));
    }

    public static ReadinessSnapshot up(String phase) {
        return new ReadinessSnapshot("UP", "UP", phase);
    }

    public static ReadinessSnapshot down(String phase) {
        return new ReadinessSnapshot("DOWN", "DOWN", phase);
    }
}
