package org.marsad.indicators.web;

import java.util.List;
import java.util.Locale;

import org.marsad.indicators.Indicator;
import org.marsad.indicators.IndicatorsApi;
import org.marsad.indicators.Period;
import org.marsad.indicators.Rag;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.web.FormErrors;
import org.marsad.platform.web.Urls;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Indicators by framework node, an indicator's page with its chart and values, and value entry. */
@Controller
class IndicatorWebController {

    private final IndicatorsApi indicators;
    private final FormErrors formErrors;

    IndicatorWebController(IndicatorsApi indicators, FormErrors formErrors) {
        this.indicators = indicators;
        this.formErrors = formErrors;
    }

    @GetMapping("/indicators")
    String list(@RequestParam(required = false) String node, @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model, Locale locale) {
        model.addAttribute("node", node);
        model.addAttribute("q", q);
        model.addAttribute("nodes", indicators.nodesInUse());
        model.addAttribute("baseUrl", "/indicators?node=" + Urls.encode(node) + "&q=" + Urls.encode(q));
        try {
            model.addAttribute("page", indicators.search(node, null, q, PageQuery.of(page, 50, 50)));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        return htmx != null ? "indicators/list :: results" : "indicators/list";
    }

    @GetMapping("/indicators/{code}")
    String show(@PathVariable String code, Model model) {
        prepare(code, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ValueForm.empty());
        }
        return "indicators/show";
    }

    @PostMapping("/indicators/{code}/values")
    String addValue(@PathVariable String code, @ModelAttribute("form") ValueForm form,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            Period period = indicators.addValue(code, form.toInput(locale));
            if (htmx == null) {
                redirect.addFlashAttribute("notice", "indicators.valueSaved");
                return "redirect:/indicators/" + code + "#values";
            }
            model.addAttribute("notice", "indicators.valueSaved");
            model.addAttribute("savedPeriod", period.label());
            model.addAttribute("form", ValueForm.empty());
        }
        catch (InvalidInputException e) {
            if (htmx == null) {
                redirect.addFlashAttribute("errors", formErrors.of(e, locale));
                redirect.addFlashAttribute("form", form);
                return "redirect:/indicators/" + code + "#value-form";
            }
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        catch (ConflictException e) {
            if (htmx == null) {
                redirect.addFlashAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
                redirect.addFlashAttribute("form", form);
                return "redirect:/indicators/" + code + "#value-form";
            }
            model.addAttribute("errors", formErrors.of(e.field(), e.getMessage(), locale));
        }
        prepare(code, model);
        return "indicators/show :: values";
    }

    private void prepare(String code, Model model) {
        Indicator indicator = indicators.get(code);
        model.addAttribute("indicator", indicator);
        model.addAttribute("initiatives", indicators.initiativesOf(indicator));
        model.addAttribute("entry", indicators.entryRight(indicator));
        List<Period> superseded = indicators.values(code, true).stream().filter(Period::superseded).toList();
        model.addAttribute("superseded", superseded);
        model.addAttribute("rags", Rag.values());
    }
}
