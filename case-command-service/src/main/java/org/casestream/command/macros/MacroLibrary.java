package org.casestream.command.macros;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casestream.events.CaseStatus;
import org.casestream.events.Priority;
import org.casestream.events.Visibility;
import org.casestream.events.json.EventJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored macros (table {@code macro}); who may see or change which is {@link Macros}' to decide. */
@Repository
public class MacroLibrary {

    private static final String COLUMNS = """
            macro_id, name, owner, body, visibility, set_status, set_priority, add_tags, note, usage_count,
            last_used_at, created_by, created_at, updated_by, updated_at""";
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json = EventJson.mapper();

    public MacroLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shared macros and {@code owner}'s own, by name. */
    public List<Macro> visibleTo(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM macro WHERE owner IS NULL OR owner = ? ORDER BY lower(name), owner NULLS FIRST")
                .param(owner).query(this::macro).list();
    }

    public Optional<Macro> find(UUID macroId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM macro WHERE macro_id = ?").param(macroId).query(this::macro)
                .optional();
    }

    /** Stores a new macro; a name its scope has already is a {@link org.springframework.dao.DuplicateKeyException}. */
    public void insert(Macro macro) {
        jdbc.sql("INSERT INTO macro (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, ?, ?)")
                .params(macro.macroId(), macro.name(), macro.owner(), macro.body(), macro.visibility().wire(),
                        wire(macro.actions().status()), wire(macro.actions().priority()), tags(macro.actions().tags()),
                        macro.actions().note(), macro.createdBy(), Timestamp.from(macro.createdAt()),
                        macro.updatedBy(), Timestamp.from(macro.updatedAt()))
                .update();
    }

    /** Replaces what a macro says and does (never its scope, owner or usage); false if it is gone. */
    public boolean update(Macro macro) {
        return jdbc.sql("""
                        UPDATE macro SET name = ?, body = ?, visibility = ?, set_status = ?, set_priority = ?, add_tags = ?,
                                         note = ?, updated_by = ?, updated_at = ?
                        WHERE macro_id = ?""")
                .params(macro.name(), macro.body(), macro.visibility().wire(), wire(macro.actions().status()),
                        wire(macro.actions().priority()), tags(macro.actions().tags()), macro.actions().note(),
                        macro.updatedBy(), Timestamp.from(macro.updatedAt()), macro.macroId())
                .update() == 1;
    }

    public boolean delete(UUID macroId) {
        return jdbc.sql("DELETE FROM macro WHERE macro_id = ?").param(macroId).update() == 1;
    }

    /** One more use, at {@code at}; in the transaction of the events that record it. */
    public void countUse(UUID macroId, Instant at) {
        jdbc.sql("""
                        UPDATE macro SET usage_count = usage_count + 1,
                                         last_used_at = GREATEST(COALESCE(last_used_at, ?), ?)
                        WHERE macro_id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), macroId).update();
    }

    private Macro macro(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("set_status");
        String priority = rs.getString("set_priority");
        String owner = rs.getString("owner");
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        return new Macro(rs.getObject("macro_id", UUID.class), rs.getString("name"),
                owner == null ? MacroScope.SHARED : MacroScope.PERSONAL, owner, rs.getString("body"),
                Visibility.of(rs.getString("visibility")),
                new Macro.Actions(status == null ? null : CaseStatus.of(status),
                        priority == null ? null : Priority.of(priority), tags(rs.getString("add_tags")),
                        rs.getString("note")),
                rs.getLong("usage_count"), lastUsed == null ? null : lastUsed.toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), false);
    }

    private static String wire(CaseStatus status) {
        return status == null ? null : status.wire();
    }

    private static String wire(Priority priority) {
        return priority == null ? null : priority.wire();
    }

    private String tags(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a macro's tags", e);
        }
    }

    private List<String> tags(String stored) {
        try {
            return stored == null ? List.of() : json.readValue(stored, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored macro's tags are unreadable", e);
        }
    }
}
