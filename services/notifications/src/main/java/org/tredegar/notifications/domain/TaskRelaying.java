package org.tredegar.notifications.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.platform.audit.AuditTrail;

import java.util.Map;
import java.util.Optional;

/**
 * The masked relay: while a task runs, a text from its volunteer goes to its requester and back, from the hub's
 * number, so neither learns the other's number. Each passed text is an entry in the hub's audit trail (who reached
 * whom, about which request — never the text). The sender hears nothing back when it went through, and is asked to
 * send it again when it did not.
 */
@ApplicationScoped
public class TaskRelaying {
    @Inject
    RelayChannel channel;
    @Inject
    AuditTrail audit;
    @Inject
    MessageTemplates templates;
    @Inject
    Hubs hubs;

    public Uni<Optional<String>> toRequester(TaskRelay task, String text, String senderLanguage) {
        return pass(task, RecipientType.REQUESTER, task.requestId(), MessageKind.RELAY_FROM_VOLUNTEER,
                "volunteer:" + task.volunteerId(), "volunteer to requester", text, senderLanguage);
    }

    public Uni<Optional<String>> toVolunteer(TaskRelay task, String text, String senderLanguage) {
        return pass(task, RecipientType.VOLUNTEER, task.volunteerId(), MessageKind.RELAY_FROM_REQUESTER,
                "requester", "requester to volunteer", text, senderLanguage);
    }

    private Uni<Optional<String>> pass(TaskRelay task, RecipientType to, java.util.UUID ref, MessageKind kind, String actor,
                                       String direction, String text, String senderLanguage) {
        String passed = text.strip().length() <= 1000 ? text.strip() : text.strip().substring(0, 999) + "…";
        return channel.pass(to, ref, task.hubId(), kind, passed).chain(sent -> {
            if (!sent) {
                return Uni.createFrom().item(Optional.of(templates.render(MessageKind.RELAY_FAILED, senderLanguage, Map.of(),
                        hubs.zoneOf(task.hubId())).text()));
            }
            return OwnContext.transaction(() -> audit.record(task.hubId(), actor, "relay.text-passed", task.requestId().toString(),
                    direction + ", assignment " + task.assignmentId())).replaceWith(Optional.<String>empty());
        });
    }
}
