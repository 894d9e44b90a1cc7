package dev.llmtracing.sample;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's chat clients, built from Spring AI's {@code ChatClient.Builder} so that
 * llm-tracing's advisor is on them.
 *
 * @author llm-tracing
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	ChatClient chatClient(ChatClient.Builder builder) {
		return builder.defaultSystem("You are a helpful assistant of the llm-tracing sample.").build();
	}

	@Bean
	ChatClient conversationClient(ChatClient.Builder builder, ChatMemory chatMemory) {
		return builder.defaultSystem("You are a helpful assistant that remembers the conversation.")
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build())
			.build();
	}

}
