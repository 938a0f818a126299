package org.casestream.notification.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.casestream.events.CaseStatus;
import org.casestream.events.Channel;
import org.casestream.events.DomainEvent;
import org.casestream.events.Priority;
import org.casestream.events.Queue;
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
import org.casestream.events.kafka.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This service's own small directory of cases and agents, fed by the same events it notifies on (it never reads
 * another service's store). Each row keeps the last sequence applied, so an event seen twice changes nothing.
 */
@Component
public class Directory {

    private final JdbcClient jdbc;

    public Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies the event if it is newer than what the row has seen; call inside the recording transaction. */
    public void apply(EventEnvelope envelope) {
        DomainEvent event = envelope.event();
        long sequence = envelope.sequence();
        Instant at = envelope.time();
        if (event instanceof CaseEvent caseEvent) {
            applyCase(caseEvent, sequence, at);
        } else if (event instanceof AgentEvent agentEvent) {
            applyAgent(agentEvent, sequence, at);
        }
    }

    private void applyCase(CaseEvent event, long sequence, Instant at) {
        switch (event) {
            case CaseOpened opened -> jdbc.sql("""
                    INSERT INTO case_directory (case_id, case_number, customer_name, customer_email, subject, queue,
                                                priority, status, last_sequence, updated_at, channel)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""")
                    .params(opened.caseId(), opened.caseNumber(), opened.customer().name(), opened.customer().email(),
                            opened.subject(), opened.queue().wire(), opened.priority().wire(), CaseStatus.NEW.wire(),
                            sequence, Timestamp.from(at), opened.channel().wire())
                    .update();
            case CaseClassified classified -> set(event, sequence, at, "queue", classified.queue().wire());
            case CasePriorityChanged changed -> set(event, sequence, at, "priority", changed.priority().wire());
            case CaseAssigned assigned -> set(event, sequence, at, "assignee_id", assigned.agentId());
            case CaseUnassigned unassigned -> set(event, sequence, at, "assignee_id", null);
            case CaseStatusChanged changed -> set(event, sequence, at, "status", changed.status().wire());
            case CaseReopened reopened -> set(event, sequence, at, "status", reopened.status().wire());
            case CaseEscalated escalated -> touch(event, sequence, at);
            case SlaTargetsSet targets -> touch(event, sequence, at);
            case CommentAdded comment -> touch(event, sequence, at);
            case FirstResponseRecorded response -> touch(event, sequence, at);
            case SlaBreached breached -> touch(event, sequence, at);
            case SatisfactionRated rated -> touch(event, sequence, at);
            case CaseTagged tagged -> touch(event, sequence, at);
            case MacroApplied applied -> touch(event, sequence, at);
            case CaseSubjectChanged changed -> set(event, sequence, at, "subject", changed.subject());
            // the case's mail goes to the customer it is for now
            case CaseCustomerChanged changed -> jdbc.sql("""
                    UPDATE case_directory SET customer_name = ?, customer_email = ?, last_sequence = ?, updated_at = ?
                    WHERE case_id = ? AND (last_sequence < ? OR ? < 0)""")
                    .params(changed.customer().name(), changed.customer().email(), sequence, Timestamp.from(at),
                            event.caseId(), sequence, sequence)
                    .update();
            case CaseMergedInto merged -> set(event, sequence, at, "merged_into", merged.targetId());
            case CaseMerged merged -> touch(event, sequence, at);
        }
    }

    private void set(CaseEvent event, long sequence, Instant at, String column, Object value) {
        // column is one of this class's own constants, never input; a null is written as a literal NULL
        // because PostgreSQL cannot type a bare null parameter
        String assignment = value == null ? column + " = NULL" : column + " = ?";
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE case_directory SET " + assignment
                + ", last_sequence = ?, updated_at = ? WHERE case_id = ? AND (last_sequence < ? OR ? < 0)");
        if (value != null) {
            statement = statement.param(value);
        }
        statement.param(sequence).param(Timestamp.from(at)).param(event.caseId()).param(sequence).param(sequence)
                .update();
    }

    private void touch(CaseEvent event, long sequence, Instant at) {
        jdbc.sql("UPDATE case_directory SET last_sequence = ?, updated_at = ? WHERE case_id = ? AND last_sequence < ?")
                .params(sequence, Timestamp.from(at), event.caseId(), sequence)
                .update();
    }

    private void applyAgent(AgentEvent event, long sequence, Instant at) {
        switch (event) {
            case AgentRegistered registered -> jdbc.sql("""
                    INSERT INTO agent_directory (agent_id, name, email, last_sequence, updated_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent_id) DO NOTHING""")
                    .params(registered.agentId(), registered.name(), registered.email(), sequence,
                            Timestamp.from(at))
                    .update();
            case AgentSkillsChanged changed -> { }
            case AgentAvailabilityChanged changed -> { }
        }
    }

    public Optional<CaseEntry> findCase(UUID caseId) {
        return jdbc.sql("""
                SELECT case_id, case_number, customer_name, customer_email, subject, queue, priority, status,
                       assignee_id, last_sequence, channel, merged_into FROM case_directory WHERE case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new CaseEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), Queue.of(rs.getString(6)), Priority.of(rs.getString(7)),
                        CaseStatus.of(rs.getString(8)), rs.getObject(9, UUID.class), rs.getLong(10),
                        rs.getString(11) == null ? null : Channel.of(rs.getString(11)),
                        rs.getObject(12, UUID.class)))
                .optional();
    }

    public Optional<AgentEntry> findAgent(UUID agentId) {
        if (agentId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT agent_id, name, email FROM agent_directory WHERE agent_id = ?")
                .param(agentId)
                .query((rs, n) -> new AgentEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
