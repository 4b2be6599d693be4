package dev.lodestar.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebInterceptors implements WebMvcConfigurer {

	private final RolesBeforeBinding rolesBeforeBinding;

	WebInterceptors(RolesBeforeBinding rolesBeforeBinding) {
		this.rolesBeforeBinding = rolesBeforeBinding;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(rolesBeforeBinding).addPathPatterns("/api/**");
	}

}
