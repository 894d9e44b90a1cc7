package dev.llmtracing.autoconfigure.propagation;

import java.util.Arrays;
import java.util.List;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Tells whether the {@link ChatModel} that Spring AI's {@code ChatClient.Builder} is
 * given (the unique or primary one) was created by Spring AI's OpenAI chat
 * auto-configuration. Only such a model's HTTP clients are built with the
 * {@code OpenAiHttpClientBuilderCustomizer} beans and the application's observation
 * registry, so only its requests are sure to lose the stream link header before they
 * leave the application.
 *
 * @author llm-tracing
 */
final class AutoConfiguredOpenAiChatModel {

	static final String AUTO_CONFIGURATION = "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration";

	private AutoConfiguredOpenAiChatModel() {
	}

	static boolean isChatClientModel(ConfigurableListableBeanFactory beanFactory) {
		String name = chatClientModel(beanFactory);
		if (name == null || !beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
		String factoryBean = definition.getFactoryBeanName();
		Class<?> factoryType = (factoryBean != null) ? beanFactory.getType(factoryBean, false) : null;
		return factoryType != null && AUTO_CONFIGURATION.equals(ClassUtils.getUserClass(factoryType).getName());
	}

	private static String chatClientModel(ConfigurableListableBeanFactory beanFactory) {
		String[] names = beanFactory.getBeanNamesForType(ChatModel.class, true, false);
		if (names.length == 1) {
			return names[0];
		}
		List<String> primary = Arrays.stream(names)
			.filter((name) -> beanFactory.containsBeanDefinition(name)
					&& beanFactory.getMergedBeanDefinition(name).isPrimary())
			.toList();
		return (primary.size() == 1) ? primary.get(0) : null;
	}

}
