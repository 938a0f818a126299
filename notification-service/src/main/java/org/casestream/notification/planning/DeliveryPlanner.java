package org.casestream.notification.planning;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casestream.events.AuthorType;
import org.casestream.events.CaseStatus;
import org.casestream.events.EventCatalogue;
import org.casestream.events.Priority;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.kafka.EventEnvelope;
import org.casestream.notification.deliveries.DeliveryChannel;
import org.casestream.notification.deliveries.PlannedDelivery;
import org.casestream.notification.directory.AgentEntry;
import org.casestream.notification.directory.CaseEntry;
import org.casestream.notification.directory.Directory;
import org.casestream.notification.email.EmailTemplates.RenderedEmail;
import org.casestream.notification.email.EmailTemplates;
import org.casestream.notification.platform.NotificationProperties;
import org.casestream.notification.rules.Audience;
import org.casestream.notification.rules.RuleBook;
import org.casestream.notification.rules.Trigger;
import org.casestream.notification.settings.NotificationSettings;
import org.casestream.notification.settings.SettingsStore;
import org.casestream.notification.slack.SlackMessages;
import org.casestream.notification.threads.MailThreads;
import org.casestream.notification.webhooks.WebhookPayloads;
import org.casestream.notification.webhooks.WebhookSubscription;
import org.casestream.notification.webhooks.WebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who gets what for one event: the triggers it sets off, each sent to the audiences the rules enable, addressed
 * from the directory as it stands right after the event; plus every webhook subscribed to its type.
 */
@Component
public class DeliveryPlanner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

    private final Directory directory;
    private final RuleBook rules;
    private final SettingsStore settings;
    private final EmailTemplates emails;
    private final SlackMessages slack;
    private final WebhookSubscriptions webhooks;
    private final NotificationProperties properties;
    private final MailThreads threads;
    private final SurveyLinks surveys;

    public DeliveryPlanner(Directory directory, RuleBook rules, SettingsStore settings, EmailTemplates emails,
            SlackMessages slack, WebhookSubscriptions webhooks, NotificationProperties properties,
            MailThreads threads, SurveyLinks surveys) {
        this.directory = directory;
        this.rules = rules;
        this.settings = settings;
        this.emails = emails;
        this.slack = slack;
        this.webhooks = webhooks;
        this.properties = properties;
        this.threads = threads;
        this.surveys = surveys;
    }

    /** The situations an event sets off. Internal notes and system comments set off none. */
    public static Set<Trigger> triggersOf(CaseEvent event) {
        return switch (event) {
            case CaseOpened opened -> opened.priority() == Priority.CRITICAL
                    ? EnumSet.of(Trigger.CASE_OPENED, Trigger.CRITICAL_CASE_OPENED) : EnumSet.of(Trigger.CASE_OPENED);
            case CaseAssigned assigned -> EnumSet.of(Trigger.CASE_ASSIGNED);
            case CommentAdded comment when comment.internal() -> EnumSet.noneOf(Trigger.class);
            case CommentAdded comment when comment.authorType() == AuthorType.CUSTOMER ->
                    EnumSet.of(Trigger.CUSTOMER_REPLY);
            case CommentAdded comment when comment.authorType() == AuthorType.AGENT -> EnumSet.of(Trigger.AGENT_REPLY);
            case CaseStatusChanged changed when changed.status() == CaseStatus.DONE -> EnumSet.of(Trigger.CASE_DONE);
            case SlaBreached breached -> EnumSet.of(Trigger.SLA_BREACHED);
            case CaseEscalated escalated -> EnumSet.of(Trigger.CASE_ESCALATED);
            default -> EnumSet.noneOf(Trigger.class);
        };
    }

    /**
     * What planning reads besides the directory: the rules, the settings and the subscriptions, read once for a
     * whole batch of events (a change made meanwhile applies from the next batch).
     */
    public record Snapshot(Map<Trigger, Set<Audience>> rules, NotificationSettings settings,
                           List<WebhookSubscription> subscriptions) {

        public Set<Audience> audiencesFor(Trigger trigger) {
            return rules.getOrDefault(trigger, Set.of());
        }

        public List<WebhookSubscription> subscribedTo(String eventType) {
            return subscriptions.stream()
                    .filter(subscription -> subscription.events().contains(WebhookSubscriptions.ALL_EVENTS)
                            || subscription.events().contains(eventType))
                    .toList();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(rules.enabled(), settings.current(), webhooks.active());
    }

    public List<PlannedDelivery> plan(EventEnvelope envelope, Snapshot snapshot) {
        // LinkedHashMap by (channel, recipient): one delivery per recipient even if two rules reach the same person
        Map<String, PlannedDelivery> planned = new LinkedHashMap<>();
        if (envelope.event() instanceof CaseEvent event) {
            Set<Trigger> triggers = triggersOf(event);
            if (!triggers.isEmpty()) {
                Optional<CaseEntry> entry = directory.findCase(event.caseId());
                if (entry.isEmpty()) {
                    log.warn("No directory entry for case {} ({}): nobody can be addressed", event.caseId(),
                            event.getClass().getSimpleName());
                } else {
                    NotificationSettings current = snapshot.settings();
                    for (Trigger trigger : triggers) {
                        for (Audience audience : snapshot.audiencesFor(trigger)) {
                            forAudience(trigger, audience, envelope, entry.get(), current)
                                    .forEach(delivery -> planned.putIfAbsent(
                                            delivery.channel().wire() + " " + delivery.recipient(), delivery));
                        }
                    }
                }
            }
        }
        String type = EventCatalogue.of(envelope.event()).name();
        List<PlannedDelivery> webhookDeliveries = snapshot.subscribedTo(type).stream()
                .map(subscription -> new PlannedDelivery(DeliveryChannel.WEBHOOK, subscription.id().toString(),
                        subscription.id(), type, null, WebhookPayloads.of(envelope)))
                .toList();
        List<PlannedDelivery> all = new ArrayList<>(planned.values());
        all.addAll(webhookDeliveries);
        return all;
    }

    private List<PlannedDelivery> forAudience(Trigger trigger, Audience audience, EventEnvelope envelope,
            CaseEntry entry, NotificationSettings current) {
        CaseEvent event = (CaseEvent) envelope.event();
        String link = properties.caseLink(entry.caseId());
        return switch (audience) {
            case CUSTOMER -> {
                // the rules API refuses such rules; this keeps a hand-edited table from reaching a customer anyway
                if (!trigger.forCustomers() || blank(entry.customerEmail())) {
                    yield List.of();
                }
                Map<String, Object> model = model(event, entry, link, null);
                // a resolved case asks its customer for a rating; a duplicate closed by a merge does not
                if (trigger == Trigger.CASE_DONE && !entry.merged()) {
                    model.put("surveyLink", surveys.linkFor(envelope, entry.caseId()));
                    model.put("surveyDays", surveys.validDays());
                }
                PlannedDelivery mail = email(trigger, true, entry.customerEmail(), model);
                if (!entry.openedByEmail() && !threads.isConversation(entry.caseId())) {
                    yield List.of(mail);
                }
                // a case opened by email is one conversation: every mail to the customer answers it, under the
                // case's token; an automatic one not when their side answered automatically before (RFC 3834)
                if (trigger != Trigger.AGENT_REPLY && threads.automaticMailStopped(entry.caseId())) {
                    yield List.of();
                }
                String token = threads.tokenFor(entry.caseId(), entry.caseNumber());
                yield List.of(new PlannedDelivery(mail.channel(), mail.recipient(), null, mail.template(),
                        MailThreads.replySubject(entry.subject(), entry.caseNumber(), token), mail.body()));
            }
            case ASSIGNEE -> directory.findAgent(entry.assigneeId())
                    .filter(agent -> !blank(agent.email()))
                    .filter(agent -> !isAuthor(event, agent))
                    .map(agent -> List.of(email(trigger, false, agent.email(), model(event, entry, link, agent))))
                    .orElse(List.of());
            case LEADS -> current.leadEmails().stream()
                    .map(lead -> email(trigger, false, lead, model(event, entry, link, null)))
                    .toList();
            case TEAM -> settings.slackTeamFor(entry.queue())
                    .map(team -> List.of(new PlannedDelivery(DeliveryChannel.SLACK, team, null,
                            "slack/" + trigger.wire(), null, slack.message(trigger, entry, link, detail(event)))))
                    .orElse(List.of());
        };
    }

    /** An agent is not told of their own reply. */
    private static boolean isAuthor(CaseEvent event, AgentEntry agent) {
        return event instanceof CommentAdded comment && agent.agentId().toString().equals(comment.authorId());
    }

    private PlannedDelivery email(Trigger trigger, boolean forCustomer, String address, Map<String, Object> model) {
        RenderedEmail rendered = emails.render(trigger, forCustomer, model);
        return new PlannedDelivery(DeliveryChannel.EMAIL, address.trim().toLowerCase(Locale.ROOT), null,
                rendered.template(), rendered.subject(), rendered.body());
    }

    private static Map<String, Object> model(CaseEvent event, CaseEntry entry, String link, AgentEntry agent) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseId", entry.caseId());
        model.put("caseNumber", entry.caseNumber());
        model.put("subject", entry.subject());
        model.put("customerName", entry.customerName() == null ? "" : entry.customerName());
        model.put("queue", entry.queue().wire());
        model.put("priority", entry.priority().wire());
        model.put("status", entry.status().wire());
        model.put("caseLink", link);
        if (agent != null) {
            model.put("agentName", agent.name());
        }
        switch (event) {
            case CommentAdded comment -> {
                model.put("commentBody", comment.body());
                model.put("authorName", comment.authorName() == null ? "Our team" : comment.authorName());
            }
            case CaseAssigned assigned -> model.put("assignmentReason", assigned.reason().wire());
            case CaseEscalated escalated -> {
                model.put("escalationLevel", escalated.level());
                model.put("escalationReason", escalated.reason());
            }
            case SlaBreached breached -> {
                model.put("slaTarget", breached.target().wire());
                model.put("dueAt", breached.dueAt());
            }
            default -> { }
        }
        return model;
    }

    private static String detail(CaseEvent event) {
        return switch (event) {
            case CaseEscalated escalated -> "to level " + escalated.level();
            case SlaBreached breached -> "(" + breached.target().wire() + ")";
            default -> "";
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
