package dev.lodestar.system;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text with a NUL character is refused at the edge of the JSON API (400 naming the field):
 * PostgreSQL cannot store it, so it would otherwise fail deep down as a server error, and no
 * person types it.
 */
@Configuration
class JsonTextConfiguration {

	/** A Module bean: Spring Boot adds it to the application's ObjectMapper beside the others. */
	@Bean
	SimpleModule noNulInText() {
		var module = new SimpleModule("lodestar-text");
		module.addDeserializer(String.class, new StringDeserializer() {
			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
				String text = super.deserialize(parser, context);
				if (text != null && text.indexOf('\u0000') >= 0) {
					throw InvalidFormatException.from(parser, "text with a NUL character", text, String.class);
				}
				return text;
			}
		});
		return module;
	}

}
