package dev.lodestar.insight;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cockpit page and its drill-down list; the data comes from {@code /api/insight/**}. */
@Controller
@PreAuthorize("hasAnyRole('executive', 'project-team')")
class InsightPageController {

	@GetMapping("/insight")
	String cockpit(Authentication user, Model model) {
		model.addAttribute("mayEditTargets",
				user.getAuthorities().stream().anyMatch(a -> "ROLE_executive".equals(a.getAuthority())));
		model.addAttribute("kpis", Kpi.values());
		return "insight";
	}

	@GetMapping("/insight/cases")
	String cases(@RequestParam String kpi, Model model) {
		model.addAttribute("kpi", InsightController.kpi(kpi));
		return "insight-cases";
	}

}
