package org.tredegar.sandbox.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tredegar.sandbox.mail.MailCatcher;

/** Ready only once the SMTP server listens: ./tredegar up starts the services' mailers against it. */
@Readiness
@ApplicationScoped
public class SmtpReadiness implements HealthCheck {
    @Inject
    MailCatcher catcher;

    @Override
    public HealthCheckResponse call() {
        boolean running = catcher.running();
        return HealthCheckResponse.named("smtp").status(running)
                .withData("port", running ? catcher.port() : -1).build();
    }
}
