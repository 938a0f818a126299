package org.casestream.command.macros;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.casestream.command.audit.CaseHistory;
import org.casestream.command.audit.CaseState;
import org.casestream.command.domain.InvalidCommand;
import org.casestream.command.domain.cases.CaseCommands.ApplyMacro;
import org.casestream.command.platform.CommandDispatcher;
import org.casestream.events.CaseStatus;
import org.casestream.events.Visibility;
import org.casestream.support.security.Caller;
import org.casestream.support.web.Conflict;
import org.casestream.support.web.FieldError;
import org.casestream.support.web.Forbidden;
import org.casestream.support.web.InvalidRequest;
import org.casestream.support.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Who may read, change and apply which macro: everyone who works cases reads the shared ones and their own; leads and
 * admins keep the shared ones; a personal one is its owner's alone (to anyone else it does not exist: 404). Applying
 * one renders its text for the case and the person applying it, then sends one command: the case takes all of it
 * or none.
 */
@Service
public class Macros {

    /** Who keeps the team's macros. */
    static final Set<String> SHARED_KEEPERS = Set.of("lead", "admin");
    /** As long as a comment may be. */
    static final int MAX_RENDERED = 50_000;

    /** A macro rendered for a case: what applying it would write, and what else it would do. */
    public record Rendered(UUID macroId, String name, Visibility visibility, String body, String note,
                           Macro.Actions actions) {
    }

    private final MacroLibrary library;
    private final CommandDispatcher commands;
    private final CaseHistory history;
    private final Clock clock;

    public Macros(MacroLibrary library, CommandDispatcher commands, CaseHistory history, Clock clock) {
        this.library = library;
        this.commands = commands;
        this.history = history;
        this.clock = clock;
    }

    /** The shared macros and the caller's own, by name. */
    public List<Macro> list() {
        Caller caller = Caller.current();
        return library.visibleTo(caller.subject()).stream().map(macro -> macro.readBy(mayChange(macro, caller)))
                .toList();
    }

    public Macro get(UUID macroId) {
        Caller caller = Caller.current();
        Macro macro = visible(macroId, caller);
        return macro.readBy(mayChange(macro, caller));
    }

    public Macro create(MacroRequest request) {
        check(request);
        Caller caller = Caller.current();
        MacroScope scope = request.scope() == null ? MacroScope.PERSONAL : request.scope();
        if (scope == MacroScope.SHARED && !keepsShared(caller)) {
            throw new Forbidden("scope", "only leads and admins create shared macros; make it personal");
        }
        Instant now = clock.instant();
        Macro macro = new Macro(UUID.randomUUID(), request.name().strip(), scope,
                scope == MacroScope.SHARED ? null : caller.subject(), request.body(), visibilityOf(request),
                actionsOf(request), 0, null, caller.subject(), now, caller.subject(), now, true);
        try {
            library.insert(macro);
        } catch (DuplicateKeyException taken) {
            throw nameTaken(macro);
        }
        return get(macro.macroId());
    }

    public Macro update(UUID macroId, MacroRequest request) {
        check(request);
        Caller caller = Caller.current();
        Macro stored = changeable(macroId, caller);
        if (request.scope() != null && request.scope() != stored.scope()) {
            throw new InvalidRequest(List.of(new FieldError("scope",
                    "is " + stored.scope() + " and cannot change; create a new macro instead")));
        }
        Macro changed = new Macro(macroId, request.name().strip(), stored.scope(), stored.owner(), request.body(),
                visibilityOf(request), actionsOf(request), stored.usageCount(), stored.lastUsedAt(),
                stored.createdBy(), stored.createdAt(), caller.subject(), clock.instant(), true);
        try {
            if (!library.update(changed)) {
                throw new NotFound("No macro " + macroId);
            }
        } catch (DuplicateKeyException taken) {
            throw nameTaken(changed);
        }
        return get(macroId);
    }

    public void delete(UUID macroId) {
        changeable(macroId, Caller.current());
        if (!library.delete(macroId)) {
            throw new NotFound("No macro " + macroId);
        }
    }

    /** The macro's text as applying it to the case now would write it. */
    public Rendered preview(UUID macroId, UUID caseId) {
        Caller caller = Caller.current();
        return render(visible(macroId, caller), currentCase(caseId), caller);
    }

    /**
     * Applies the macro to the case: its text rendered, its actions, and a {@code MacroApplied} on the case, in one
     * command; its use is counted with that event ({@link MacroUsage}). A refused action refuses all of it.
     */
    public CaseState apply(UUID caseId, UUID macroId) {
        Caller caller = Caller.current();
        Macro macro = visible(macroId, caller);
        Rendered rendered = render(macro, currentCase(caseId), caller);
        UUID commentId = commands.newId(caseId);
        UUID noteId = rendered.note() == null ? null
                : UUID.nameUUIDFromBytes((commentId + ":note").getBytes(StandardCharsets.UTF_8));
        commands.send(new ApplyMacro(caseId, macroId, macro.name(), caller.subject(), caller.name(), commentId,
                rendered.visibility(), rendered.body(), noteId, rendered.note(), rendered.actions().status(),
                rendered.actions().priority(), Set.copyOf(rendered.actions().tags()), clock.instant()));
        return currentCase(caseId);
    }

    private CaseState currentCase(UUID caseId) {
        return history.current(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
    }

    private static Rendered render(Macro macro, CaseState state, Caller caller) {
        Map<String, String> values = values(state, caller);
        String body = Placeholders.render(macro.body(), values);
        String note = macro.actions().note() == null ? null : Placeholders.render(macro.actions().note(), values);
        if (body.isBlank()) {
            throw new InvalidCommand("body", "is empty once its placeholders are filled in for this case");
        }
        if (body.length() > MAX_RENDERED) {
            throw new InvalidCommand("body", "is longer than " + MAX_RENDERED + " characters for this case");
        }
        if (note != null && note.length() > MAX_RENDERED) {
            throw new InvalidCommand("actions.note", "is longer than " + MAX_RENDERED + " characters for this case");
        }
        return new Rendered(macro.macroId(), macro.name(), macro.visibility(), body,
                note == null || note.isBlank() ? null : note, macro.actions());
    }

    /** What each placeholder stands for on this case, for this person. */
    static Map<String, String> values(CaseState state, Caller caller) {
        Map<String, String> values = new LinkedHashMap<>();
        String customerName = state.customer() == null ? null : state.customer().name();
        values.put(Placeholders.CUSTOMER_NAME, customerName);
        values.put(Placeholders.CUSTOMER_FIRST_NAME, Placeholders.firstName(customerName));
        values.put(Placeholders.CUSTOMER_EMAIL, state.customer() == null ? null : state.customer().email());
        values.put(Placeholders.CASE_NUMBER, state.caseNumber());
        values.put(Placeholders.CASE_SUBJECT, state.subject());
        values.put(Placeholders.CASE_QUEUE, state.queue() == null ? null : state.queue().wire());
        values.put(Placeholders.AGENT_NAME, caller.name());
        return values;
    }

    /** Checks what Bean Validation cannot: every placeholder is known, a status is one a macro may set. */
    static void check(MacroRequest request) {
        List<FieldError> errors = new ArrayList<>();
        placeholders("body", request.body(), errors);
        if (request.actions() != null) {
            placeholders("actions.note", request.actions().note(), errors);
            if (request.actions().status() == CaseStatus.NEW) {
                errors.add(new FieldError("actions.status", "a macro may move a case to inprogress or done"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private static void placeholders(String field, String text, List<FieldError> errors) {
        List<String> unknown = Placeholders.unknownIn(text);
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(field, "unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(name -> "{{" + name + "}}").toList())
                    + "; known are " + String.join(", ", Placeholders.NAMES.stream().map(name -> "{{" + name + "}}")
                    .toList())));
        }
    }

    private static Visibility visibilityOf(MacroRequest request) {
        return request.visibility() == null ? Visibility.PUBLIC : request.visibility();
    }

    private static Macro.Actions actionsOf(MacroRequest request) {
        MacroRequest.Actions actions = request.actions();
        if (actions == null) {
            return Macro.Actions.NONE;
        }
        List<String> tags = actions.tags() == null ? List.of() : List.copyOf(new TreeSet<>(actions.tags().stream()
                .map(tag -> tag.strip().toLowerCase(Locale.ROOT)).toList()));
        String note = actions.note() == null || actions.note().isBlank() ? null : actions.note();
        return new Macro.Actions(actions.status(), actions.priority(), tags, note);
    }

    /** The macro if the caller may see it; anyone else's personal macro is as missing as one that never was. */
    private Macro visible(UUID macroId, Caller caller) {
        return library.find(macroId).filter(macro -> macro.shared() || caller.subject().equals(macro.owner()))
                .orElseThrow(() -> new NotFound("No macro " + macroId));
    }

    private Macro changeable(UUID macroId, Caller caller) {
        Macro macro = visible(macroId, caller);
        if (!mayChange(macro, caller)) {
            throw new Forbidden("scope", "only leads and admins change shared macros");
        }
        return macro;
    }

    private static boolean mayChange(Macro macro, Caller caller) {
        return macro.shared() ? keepsShared(caller) : caller.subject().equals(macro.owner());
    }

    private static boolean keepsShared(Caller caller) {
        return SHARED_KEEPERS.stream().anyMatch(caller::hasRole);
    }

    private static Conflict nameTaken(Macro macro) {
        return new Conflict("macro-name-taken", macro.shared()
                ? "A shared macro with this name exists already"
                : "You have a macro with this name already");
    }
}
