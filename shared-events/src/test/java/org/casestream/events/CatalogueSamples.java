package org.casestream.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.casestream.events.agents.AgentAvailabilityChanged;
import org.casestream.events.agents.AgentEvent;
import org.casestream.events.agents.AgentRegistered;
import org.casestream.events.agents.AgentSkillsChanged;
import org.casestream.events.cases.CaseAssigned;
import org.casestream.events.cases.CaseClassified;
import org.casestream.events.cases.CaseCustomerChanged;
import org.casestream.events.cases.CaseEscalated;
import org.casestream.events.cases.CaseEvent;
import org.casestream.events.cases.CaseMerged;
import org.casestream.events.cases.CaseMergedInto;
import org.casestream.events.cases.CaseOpened;
import org.casestream.events.cases.CasePriorityChanged;
import org.casestream.events.cases.CaseReopened;
import org.casestream.events.cases.CaseStatusChanged;
import org.casestream.events.cases.CaseSubjectChanged;
import org.casestream.events.cases.CaseTagged;
import org.casestream.events.cases.CaseUnassigned;
import org.casestream.events.cases.CommentAdded;
import org.casestream.events.cases.FirstResponseRecorded;
import org.casestream.events.cases.MacroApplied;
import org.casestream.events.cases.SatisfactionRated;
import org.casestream.events.cases.SlaBreached;
import org.casestream.events.cases.SlaTargetsSet;
import org.casestream.events.queues.QueueArchived;
import org.casestream.events.queues.QueueCreated;
import org.casestream.events.queues.QueueEvent;
import org.casestream.events.queues.QueueRenamed;
import org.casestream.events.queues.QueueRestored;
import org.casestream.events.customers.CustomerEvent;
import org.casestream.events.customers.CustomerIdentity;
import org.casestream.events.customers.CustomerIdentityAdded;
import org.casestream.events.customers.CustomerMerged;
import org.casestream.events.customers.CustomerMergedInto;
import org.casestream.events.customers.CustomerProfileChanged;
import org.casestream.events.customers.CustomerRegistered;
import org.casestream.events.customers.CustomerTierChanged;

/** One instance of every event, built by an exhaustive switch so a new event fails to compile here. */
public final class CatalogueSamples {

    public static final UUID CASE = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    public static final UUID AGENT = UUID.fromString("1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d");
    public static final String CUSTOMER = "cus-ada";
    public static final UUID OTHER_CASE = UUID.fromString("7c6b5a49-3827-4615-9a0b-1c2d3e4f5a6b");
    public static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");

    private CatalogueSamples() {
    }

    public static DomainEvent sampleOf(Class<? extends DomainEvent> type) {
        return all().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    public static List<DomainEvent> all() {
        return List.of(
                new CaseOpened(CASE, "CS-1001", new Customer("c-1", "Ada Lovelace", "ada@example.com", Tier.GOLD),
                        "Cannot log in", "Reset mail never arrives", Channel.EMAIL, "mail-77", null,
                        Priority.HIGH, List.of("vip"), AT, CaseOrigin.CHANNEL, Priority.HIGH,
                        List.of(new Attachment("screenshot.png", "image/png", 2048, "/api/attachments/"
                                + "5d1c0a9e-3b7f-4c1e-9a2d-8e4f6b7c1d2e"))),
                new CaseClassified(CASE, Queue.LOGIN, Queue.UNCLASSIFIED, "rule"),
                new CasePriorityChanged(CASE, Priority.CRITICAL, Priority.HIGH, "rule: account locked"),
                new SlaTargetsSet(CASE, AT.plusSeconds(3600), AT.plusSeconds(86_400), "high/gold"),
                new CaseAssigned(CASE, AGENT, null, AssignmentReason.AUTO),
                new CaseUnassigned(CASE, AGENT, AssignmentReason.AGENT_OFFLINE),
                new CaseStatusChanged(CASE, CaseStatus.IN_PROGRESS, CaseStatus.NEW),
                new CaseReopened(CASE, CaseStatus.IN_PROGRESS, UUID.randomUUID()),
                CaseReopened.agentReopened(CASE, "Customer called: still broken"),
                new CommentAdded(CASE, UUID.randomUUID(), null, AuthorType.AGENT, AGENT.toString(), "Grace",
                        Visibility.INTERNAL, "Checked the mail logs", List.of(new Attachment("log.txt", "text/plain", 42, null))),
                new FirstResponseRecorded(CASE, AT, AGENT.toString()),
                new SlaBreached(CASE, SlaTarget.FIRST_RESPONSE, AT),
                new CaseEscalated(CASE, 1, "SLA breached"),
                new SatisfactionRated(CASE, 5, "Quick and kind"),
                new CaseTagged(CASE, List.of("billing"), List.of("vip")),
                new MacroApplied(CASE, UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), "Refund approved",
                        "agent-grace", "Grace Hopper", List.of(UUID.randomUUID(), UUID.randomUUID()), CaseStatus.DONE,
                        Priority.LOW, List.of("refund")),
                new CaseSubjectChanged(CASE, "Cannot log in since Monday", "Cannot log in"),
                new CaseCustomerChanged(CASE, new Customer("c-2", "Ada Lovelace", "ada@example.com", Tier.PLATINUM),
                        new Customer("c-1", "Ada Lovelace", "ada@example.com", Tier.GOLD)),
                new CaseMergedInto(OTHER_CASE, CASE, "CS-1001"),
                new CaseMerged(CASE, OTHER_CASE, "CS-1002"),
                new AgentRegistered(AGENT, "Grace Hopper", "grace@example.com", List.of(new Skill(Queue.LOGIN, 4)), 5,
                        null),
                new AgentSkillsChanged(AGENT, List.of(new Skill(Queue.PAYMENTS, 2)), 8),
                new AgentAvailabilityChanged(AGENT, Availability.ONLINE, Availability.OFFLINE),
                new CustomerRegistered(CUSTOMER, "Ada Lovelace", "ada@example.com", Tier.GOLD, "Analytical Engines",
                        List.of(CustomerIdentity.email("Ada@Example.com"), CustomerIdentity.external("web", "4711")),
                        AT),
                new CustomerIdentityAdded(CUSTOMER, CustomerIdentity.email("ada@engines.example")),
                new CustomerProfileChanged(CUSTOMER, "Ada King", "Analytical Engines", "prefers mail"),
                new CustomerTierChanged(CUSTOMER, Tier.PLATINUM, Tier.GOLD, "enterprise contract"),
                new CustomerMerged(CUSTOMER, "cus-other", List.of(CustomerIdentity.email("countess@example.com"))),
                new CustomerMergedInto("cus-other", CUSTOMER),
                new QueueCreated(Queue.of("Billing & Invoices"), "Billing & Invoices"),
                new QueueRenamed(Queue.LOGIN, "Account access", "Login"),
                new QueueArchived(Queue.of("Billing & Invoices")),
                new QueueRestored(Queue.of("Billing & Invoices")));
    }

    /** Compiles only while it names every event: the sealed families make the switch exhaustive. */
    public static String describe(DomainEvent event) {
        return switch (event) {
            case CaseEvent caseEvent -> switch (caseEvent) {
                case CaseOpened e -> "opened " + e.caseNumber();
                case CaseClassified e -> "queue " + e.queue();
                case CasePriorityChanged e -> "priority " + e.priority();
                case SlaTargetsSet e -> "sla " + e.resolutionDue();
                case CaseAssigned e -> "assigned " + e.agentId();
                case CaseUnassigned e -> "unassigned " + e.reason();
                case CaseStatusChanged e -> "status " + e.status();
                case CaseReopened e -> "reopened";
                case CommentAdded e -> "comment " + e.visibility();
                case FirstResponseRecorded e -> "first response";
                case SlaBreached e -> "breached " + e.target();
                case CaseEscalated e -> "escalated " + e.level();
                case SatisfactionRated e -> "rated " + e.rating();
                case CaseTagged e -> "tagged " + e.added();
                case MacroApplied e -> "macro " + e.macroId();
                case CaseSubjectChanged e -> "subject";
                case CaseCustomerChanged e -> "customer " + e.customer().customerId();
                case CaseMergedInto e -> "merged into " + e.targetNumber();
                case CaseMerged e -> "merged " + e.mergedNumber();
            };
            case AgentEvent agentEvent -> switch (agentEvent) {
                case AgentRegistered e -> "agent " + e.capacity();
                case AgentSkillsChanged e -> "skills " + e.skills().size();
                case AgentAvailabilityChanged e -> "availability " + e.availability();
            };
            case CustomerEvent customerEvent -> switch (customerEvent) {
                case CustomerRegistered e -> "customer " + e.tier();
                case CustomerIdentityAdded e -> "identity " + e.identity().kind();
                case CustomerProfileChanged e -> "profile";
                case CustomerTierChanged e -> "tier " + e.tier();
                case CustomerMerged e -> "merged " + e.mergedId();
                case CustomerMergedInto e -> "merged into " + e.targetId();
            };
            case QueueEvent queueEvent -> switch (queueEvent) {
                case QueueCreated e -> "queue " + e.queue();
                case QueueRenamed e -> "renamed " + e.name();
                case QueueArchived e -> "archived " + e.queue();
                case QueueRestored e -> "restored " + e.queue();
            };
            default -> throw new IllegalArgumentException("not an event family: " + event);
        };
    }
}
