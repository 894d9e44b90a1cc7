package dev.llmtracing.sample;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * A tool the model can call, to show a tool-calling loop: one record per model round.
 *
 * @author llm-tracing
 */
@Component
class WeatherTools {

	@Tool(description = "Get the current weather of a city")
	String currentWeather(@ToolParam(description = "The city") String city) {
		return "Sunny, 21 degrees Celsius in " + city;
	}

}
