package dev.lodestar.notification;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When a logged-in user switches the language in the header ({@code ?lang=zh-CN}), their choice
 * is remembered for them, not only in the browser's cookie: mail reaches them in it.
 */
@Configuration
class LanguageMemory implements WebMvcConfigurer {

	private static final Set<String> LANGUAGES = Set.of("en", "zh");

	private final MailPreferences preferences;

	LanguageMemory(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String lang = request.getParameter("lang");
				if (lang != null && request.getUserPrincipal() != null) {
					Locale locale = Locale.forLanguageTag(lang.replace('_', '-'));
					if (LANGUAGES.contains(locale.getLanguage())) {
						preferences.rememberLanguage(request.getUserPrincipal().getName(),
								"zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
					}
				}
				return true;
			}

		});
	}

}
