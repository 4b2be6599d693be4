package dev.lodestar.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page. The start page ({@code /}) is My work (worklist module); every page uses the
 * layout {@code templates/fragments/shell.html :: page} (head, header, lodestar.js).
 */
@Controller
class ShellController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
