package dev.lodestar.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page. The start page ({@code /}) is My work (worklist module); every page shares
 * the header fragment {@code templates/fragments/shell.html}.
 */
@Controller
class ShellController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
