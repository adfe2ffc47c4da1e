package dev.flux.shutdown.sample.arc.beans;

import jakarta.enterprise.context.ApplicationScoped;

/** Test bean whose cleanup is inherited from {@link PooledResource}. */
@ApplicationScoped
public class Mailer extends PooledResource {
}
