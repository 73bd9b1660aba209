package org.helpdesk.account;

import java.util.List;
import java.util.Optional;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands controllers the account {@link CurrentAccountFilter} checked for this request. A signed-in route never gets
 * nobody: without a checked account the request is refused as unauthenticated before the controller runs.
 */
@Component
class SignedInResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(SignedIn.class) && (parameter.getParameterType() == Account.class
				|| parameter.getParameterType() == Optional.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Optional<Account> account = Optional.ofNullable(
				(Account) request.getAttribute(CurrentAccountFilter.VERIFIED, RequestAttributes.SCOPE_REQUEST));
		if (parameter.getParameterType() == Optional.class) {
			return account;
		}
		return account.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is signed in"));
	}
}
