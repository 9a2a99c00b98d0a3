package org.marsad.frameworks.web;

import java.util.Locale;

import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.LinkBasis;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The crosswalk matrix (one framework's sections × another's objectives) and the links behind a cell. */
@Controller
class CrosswalkWebController {

    private final FrameworksApi frameworks;
    private final FormErrors formErrors;

    CrosswalkWebController(FrameworksApi frameworks, FormErrors formErrors) {
        this.frameworks = frameworks;
        this.formErrors = formErrors;
    }

    @GetMapping("/crosswalk")
    String matrix(@RequestParam(defaultValue = "MP2013") String rows, @RequestParam(defaultValue = "GCM") String cols,
            @RequestParam(required = false) String row, @RequestParam(required = false) String col,
            @RequestParam(required = false) LinkBasis basis, Model model, Locale locale) {
        model.addAttribute("policies", frameworks.list().stream().filter(f -> f.kind().policy()).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("cols", cols);
        model.addAttribute("row", blank(row));
        model.addAttribute("col", blank(col));
        model.addAttribute("basis", basis);
        try {
            model.addAttribute("matrix", frameworks.matrix(rows, cols));
            model.addAttribute("links", frameworks.cell(rows, cols, blank(row), blank(col), basis));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        return "frameworks/crosswalk";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
