package org.helpdesk.restapi;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A yes/no field of the JSON API takes only {@code true} or {@code false}. Jackson would read any number as a boolean
 * ({@code "all_queues": 2} as true), and these flags grant access ({@code all_queues}, {@code active}): a script that
 * sends a number gets a 400 naming the field instead of a guess.
 */
@Configuration(proxyBeanMethods = false)
class StrictBooleans {

	@Bean
	JsonMapperBuilderCustomizer numbersAreNoBooleans() {
		return builder -> builder.withCoercionConfig(LogicalType.Boolean, config -> config
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
	}
}
