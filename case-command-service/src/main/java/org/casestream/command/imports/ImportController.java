package org.casestream.command.imports;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins bring over the cases a team closed in the help desk it leaves, with their history. */
@RestController
public class ImportController {

    private final CaseImports imports;

    public ImportController(CaseImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a case closed in another help desk, with its thread and times (201; 200 with the "
            + "same case when its externalRef was imported before)")
    @PostMapping("/api/imports/cases")
    public ResponseEntity<CaseImports.Imported> importCase(@Valid @RequestBody CaseImport request) {
        CaseImports.Imported imported = imports.importCase(request);
        return imported.created()
                ? ResponseEntity.created(URI.create("/api/cases/" + imported.caseId())).body(imported)
                : ResponseEntity.ok(imported);
    }
}
