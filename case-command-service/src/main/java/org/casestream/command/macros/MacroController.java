package org.casestream.command.macros;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.casestream.command.audit.CaseState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Macros: canned responses with placeholders and optional actions, shared (kept by leads and admins) or personal,
 * and applied to a case in one step.
 */
@RestController
public class MacroController {

    private final Macros macros;

    public MacroController(Macros macros) {
        this.macros = macros;
    }

    @Operation(operationId = "listMacros", summary = "The shared macros and the caller's own, by name")
    @GetMapping("/api/macros")
    public List<Macro> list() {
        return macros.list();
    }

    @Operation(summary = "The placeholders a macro's text may hold, as {{name}}")
    @GetMapping("/api/macros/placeholders")
    public List<String> placeholders() {
        return Placeholders.NAMES;
    }

    @Operation(operationId = "getMacro", summary = "One macro (shared, or the caller's own)")
    @GetMapping("/api/macros/{macroId}")
    public Macro get(@PathVariable UUID macroId) {
        return macros.get(macroId);
    }

    @Operation(operationId = "createMacro",
            summary = "A new macro: personal, or shared (leads and admins); an unknown placeholder is a 400")
    @PostMapping("/api/macros")
    public ResponseEntity<Macro> create(@Valid @RequestBody MacroRequest request) {
        Macro macro = macros.create(request);
        return ResponseEntity.created(URI.create("/api/macros/" + macro.macroId())).body(macro);
    }

    @Operation(operationId = "updateMacro",
            summary = "Change a macro: a shared one (leads and admins), or the caller's own")
    @PutMapping("/api/macros/{macroId}")
    public Macro update(@PathVariable UUID macroId, @Valid @RequestBody MacroRequest request) {
        return macros.update(macroId, request);
    }

    @Operation(operationId = "deleteMacro",
            summary = "Delete a macro: a shared one (leads and admins), or the caller's own")
    @DeleteMapping("/api/macros/{macroId}")
    public ResponseEntity<Void> delete(@PathVariable UUID macroId) {
        macros.delete(macroId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "previewMacro",
            summary = "The macro's text rendered for the case and the caller, and its actions: what applying it "
            + "would do")
    @GetMapping("/api/macros/{macroId}/preview")
    public Macros.Rendered preview(@PathVariable UUID macroId, @RequestParam UUID caseId) {
        return macros.preview(macroId, caseId);
    }

    @Operation(operationId = "applyMacro",
            summary = "Apply a macro to the case in one step: its reply or note, its actions and a MacroApplied "
            + "event, all or nothing (an action the case refuses is a 409 and stores nothing)")
    @PostMapping("/api/cases/{caseId}/macros/{macroId}")
    public CaseState apply(@PathVariable UUID caseId, @PathVariable UUID macroId) {
        return macros.apply(caseId, macroId);
    }
}
